package io.relayconsole.store.consul;

/** One change of a full init: set {@code key} to {@code value}, or delete it when {@code value} is null. */
record KvWrite(String key, byte[] value) {
    static KvWrite set(String key, byte[] value) {
        return new KvWrite(key, value);
    }

    static KvWrite delete(String key) {
        return new KvWrite(key, null);
    }

    boolean isDelete() {
        return value == null;
    }
}
