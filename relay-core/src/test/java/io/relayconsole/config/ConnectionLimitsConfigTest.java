package io.relayconsole.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection limits and {@code exitOnNoData} in {@code [Main]}, from a file and from variables. */
class ConnectionLimitsConfigTest {
    private static final String ENV = "[Environment \"prod\"]\nsdkKey = sdk-1\n";

    @Test
    void defaultsWhenUnset() {
        ConnectionLimitsConfig limits = ConfigLoader.parse("relay.conf", ENV).config().main().limits();
        assertThat(limits).isEqualTo(new ConnectionLimitsConfig(Duration.ofSeconds(10), Duration.ofSeconds(60), 0,
                false));
    }

    @Test
    void readFromTheFileAndOverriddenByVariables() {
        String file = "[Main]\nrequestHeaderTimeout = 5s\nidleConnectionTimeout = 2m\nmaxConnections = 15000\n"
                + "exitOnNoData = true\n" + ENV;
        assertThat(ConfigLoader.parse("relay.conf", file).config().main().limits())
                .isEqualTo(new ConnectionLimitsConfig(Duration.ofSeconds(5), Duration.ofMinutes(2), 15000, true));
        assertThat(ConfigLoader.parse("relay.conf", file, Map.of("MAX_CONNECTIONS", "100",
                "REQUEST_HEADER_TIMEOUT", "1s")).config().main().limits())
                .isEqualTo(new ConnectionLimitsConfig(Duration.ofSeconds(1), Duration.ofMinutes(2), 100, true));
    }

    @Test
    void badValuesAreReportedWithFileLineAndKey() {
        String file = "[Main]\nrequestHeaderTimeout = soon\nmaxConnections = -3\n" + ENV;
        assertThatThrownBy(() -> ConfigLoader.parse("relay.conf", file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::describe).containsExactly(
                                "relay.conf:2: [Main] requestHeaderTimeout: \"soon\" is not a duration (expected e.g. 10s, 500ms, 1m30s)",
                                "relay.conf:3: [Main] maxConnections: \"-3\" must be greater than zero"));
    }
}
