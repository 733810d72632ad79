package io.relayconsole.app.timeline;

import io.relayconsole.timeline.TimelineListener;
import io.relayconsole.timeline.TimelineStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects steps as the recorder draws them (on relay threads, under its lock: so only a queue offer) until
 * the FX thread drains them once per tick. Bounded: when the console falls behind, steps are dropped and
 * counted; the screen re-reads the recorder then.
 */
public final class StepBuffer implements TimelineListener {
    private final BlockingQueue<TimelineStep> queue;
    private final AtomicLong dropped = new AtomicLong();

    public StepBuffer(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void onStep(TimelineStep step) {
        if (!queue.offer(step)) {
            dropped.incrementAndGet();
        }
    }

    /** Everything buffered, oldest first. */
    public List<TimelineStep> drain() {
        List<TimelineStep> steps = new ArrayList<>(queue.size());
        queue.drainTo(steps);
        return steps;
    }

    /** Steps dropped since the last call (and resets the count). */
    public long takeDropped() {
        return dropped.getAndSet(0);
    }
}
