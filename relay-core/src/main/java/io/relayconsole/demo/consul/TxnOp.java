package io.relayconsole.demo.consul;

/** One KV operation of a {@code /v1/txn} request: {@code {"KV":{"Verb":..,"Key":..,"Value":..,"Flags":..,"Index":..}}}. */
public record TxnOp(String verb, String key, byte[] value, long flags, long index) {
}
