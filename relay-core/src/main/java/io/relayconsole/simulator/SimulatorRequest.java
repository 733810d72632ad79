package io.relayconsole.simulator;

import java.time.Instant;

/** One request the simulator answered: for the console's view of "upstream" traffic and for tests. */
public record SimulatorRequest(Instant time, String method, String path, String maskedKey, int status) {
}
