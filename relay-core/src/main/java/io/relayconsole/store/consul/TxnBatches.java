package io.relayconsole.store.consul;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a full init into Consul transactions, in order. Consul refuses a transaction of more than 64
 * operations, and one whose body exceeds {@code txn_max_req_len} (512 KiB by default, counted on the JSON with
 * base64 values); a single value above 512 KiB is refused everywhere. A write too big for any transaction but
 * within the value limit is left for a plain PUT.
 */
final class TxnBatches {
    static final int MAX_OPS = 64;
    static final int MAX_VALUE_BYTES = 512 * 1024;
    /** Under Consul's 512 KiB body limit, with room for the JSON around the operations. */
    static final int BODY_BUDGET = 500 * 1024;

    /** A transaction to send, or (when {@code single} is true) one write to send as a plain PUT. */
    record Batch(List<KvWrite> writes, boolean single) {
    }

    private TxnBatches() {
    }

    static List<Batch> plan(List<KvWrite> writes) {
        List<Batch> batches = new ArrayList<>();
        List<KvWrite> current = new ArrayList<>();
        long currentBytes = 2;
        for (KvWrite write : writes) {
            long size = estimatedJsonBytes(write);
            if (size > BODY_BUDGET) {
                flush(batches, current);
                current = new ArrayList<>();
                currentBytes = 2;
                batches.add(new Batch(List.of(write), true));
                continue;
            }
            if (current.size() == MAX_OPS || currentBytes + size > BODY_BUDGET) {
                flush(batches, current);
                current = new ArrayList<>();
                currentBytes = 2;
            }
            current.add(write);
            currentBytes += size;
        }
        flush(batches, current);
        return batches;
    }

    /** {@code {"KV":{"Verb":"delete-cas","Key":"…","Value":"<base64>"}},} with every key character escaped at worst. */
    static long estimatedJsonBytes(KvWrite write) {
        long valueBytes = write.value() == null ? 4 : 4L * ((write.value().length + 2) / 3) + 2;
        return 64 + 6L * write.key().length() + valueBytes;
    }

    private static void flush(List<Batch> batches, List<KvWrite> current) {
        if (!current.isEmpty()) {
            batches.add(new Batch(List.copyOf(current), false));
        }
    }
}
