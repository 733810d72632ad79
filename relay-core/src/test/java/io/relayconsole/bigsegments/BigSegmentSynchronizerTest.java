package io.relayconsole.bigsegments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.simulator.FlagSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The synchronizer's two threads around {@code synchronizedOn}: the status must end with the newest time. */
class BigSegmentSynchronizerTest {
    private static final String SDK_KEY = "sdk-synchronizer-test";

    @Test
    void aStatusReadOverlappingAFreshWriteDoesNotPutTheOlderTimeBack() throws Exception {
        try (FlagSimulator upstream = new FlagSimulator()) {
            upstream.start(0);
            upstream.addEmptyEnvironment(SDK_KEY);
            RacingStore store = new RacingStore();
            // No idle refresh during the test; a status read every 100 ms, of which the second never answers.
            SyncSettings settings = new SyncSettings(upstream.baseUri(), upstream.streamUri(), SDK_KEY, "test",
                    Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMillis(100), Duration.ofMinutes(5));
            try (BigSegmentSynchronizer synchronizer = new BigSegmentSynchronizer("test", settings, store,
                    Clock.systemUTC(), SyncListener.NONE)) {
                synchronizer.start();
                // The second read starts only once the first read's tick is over, result stored.
                await().atMost(Duration.ofSeconds(15)).until(() -> store.written.get() != null
                        && store.secondReadStarted.getCount() == 0);
                assertThat(synchronizer.status().lastSynchronizedOn()).as("status after both threads")
                        .isEqualTo(store.written.get());
            }
        }
    }

    /**
     * The status thread's first read of {@code synchronizedOn} starts before the loop's first write and answers what
     * it read only after that write (or after 3 s, if the write cannot happen meanwhile). The second read blocks
     * until the synchronizer closes, so nothing repairs what the first one left in the status.
     */
    private static final class RacingStore implements BigSegmentStore {
        final AtomicReference<Instant> written = new AtomicReference<>();
        final CountDownLatch readStarted = new CountDownLatch(1);
        final CountDownLatch writeDone = new CountDownLatch(1);
        final CountDownLatch readDone = new CountDownLatch(1);
        final CountDownLatch secondReadStarted = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public String cursor() {
            await(readStarted, 10);
            return null;
        }

        @Override
        public boolean apply(BigSegmentPatch header, PatchParts parts) {
            parts.collect(header);
            return true;
        }

        @Override
        public void setSynchronizedOn(Instant time) {
            written.set(time);
            writeDone.countDown();
        }

        @Override
        public Instant synchronizedOn() {
            if (readDone.getCount() == 0) {
                secondReadStarted.countDown();
                await(closed, 30); // the ticker is interrupted when the synchronizer closes
                return written.get();
            }
            Instant before = written.get();
            readStarted.countDown();
            await(writeDone, 3);
            readDone.countDown();
            return before;
        }

        @Override
        public Map<String, Boolean> membership(String contextHash) {
            return Map.of();
        }

        @Override
        public String label() {
            return "racing test store";
        }

        @Override
        public void close() {
            closed.countDown();
        }

        private static void await(CountDownLatch latch, int seconds) {
            try {
                latch.await(seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
