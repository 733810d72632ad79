package io.relayconsole.demo.consul;

import java.util.Arrays;

/** One stored key as Consul keeps it: value bytes, flags and the raft indexes of its creation and last change. */
public record KvEntry(String key, byte[] value, long flags, long createIndex, long modifyIndex, long lockIndex) {

    /** Consul skips the write (and keeps ModifyIndex) when a set changes nothing. */
    boolean sameContent(byte[] otherValue, long otherFlags) {
        return flags == otherFlags && Arrays.equals(value, otherValue);
    }
}
