package io.relayconsole.bigsegments;

/** Told what a synchronizer did; called on its thread, must not block. */
public interface SyncListener {

    void batchApplied(SyncBatch batch);

    void stateChanged(BigSegmentSyncStats stats);

    SyncListener NONE = new SyncListener() {
        @Override
        public void batchApplied(SyncBatch batch) {
        }

        @Override
        public void stateChanged(BigSegmentSyncStats stats) {
        }
    };
}
