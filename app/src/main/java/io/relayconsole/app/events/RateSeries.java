package io.relayconsole.app.events;

import io.relayconsole.app.ui.RateWindow;
import io.relayconsole.app.ui.RingBuffer;
import java.time.Instant;

/** One environment's line in the rate chart: events received per second, a fixed history. */
public final class RateSeries {
    private final String environment;
    private final RingBuffer history;
    private final RateWindow rate = new RateWindow(5);
    private double latest;

    RateSeries(String environment, int capacity) {
        this.environment = environment;
        this.history = new RingBuffer(capacity);
    }

    void sample(Instant time, long received) {
        latest = rate.add(time, received);
        history.add(latest);
    }

    public String environment() {
        return environment;
    }

    public RingBuffer history() {
        return history;
    }

    /** The rate now, for the legend. */
    public double latest() {
        return latest;
    }
}
