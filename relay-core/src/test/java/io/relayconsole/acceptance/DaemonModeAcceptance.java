package io.relayconsole.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.EvaluationDetail;
import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.config.DatabaseConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.model.Item;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.store.DataStore;
import io.relayconsole.backends.StoreBackends;
import io.relayconsole.testing.SdkProcess;
import io.relayconsole.testing.SdkProcess.Answer;
import io.relayconsole.testing.SdkProcess.Evaluation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue acceptance for daemon mode: the relay, assembled from configuration as its command line does it, copies
 * the built-in upstream's sample environment into a real database under an environment prefix; real
 * LaunchDarkly SDKs of other languages and generations, configured with their own store for that database, read
 * it and must evaluate every sample flag for every context exactly as a Java SDK 7 in proxy mode on the same relay
 * does, and must see upstream edits. Each backend's test subclasses this and says which database and readers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DaemonModeAcceptance {
    protected static final String PREFIX = "daemon-acceptance";
    private static final String SDK_KEY = "sdk-d4e3a0de-0000-4aaa-8bbb-acceptance01";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LDValue READER_DEFAULT = LDValue.of("reader-default");

    /**
     * How to start one daemon-mode reader, and how it must be given a context (empty: it cannot express that
     * context, as an SDK that knows only users cannot express an organization).
     */
    protected record ReaderSpec(String name, Supplier<SdkProcess> start,
                                Function<LDContext, Optional<JsonNode>> contextJson) {
    }

    private record DaemonReader(ReaderSpec spec, SdkProcess sdk) {
        Optional<LDValue> evaluate(String flag, LDContext context) {
            return spec.contextJson().apply(context).map(json -> toLdValue(
                    sdk.values(List.of(new Evaluation(flag, json, READER_DEFAULT.stringValue()))).get(0)));
        }
    }

    private final List<DaemonReader> readers = new ArrayList<>();
    private DatabaseConfig database;
    private EnvironmentConfig environment;
    private RelayRuntime runtime;
    private LDClient proxied;

    /** Starts the database server (unless an extension did); returns the relay's configuration for it. */
    protected abstract DatabaseConfig startDatabase();

    /** Stops what {@link #startDatabase()} started; called after the relay and the readers have stopped. */
    protected void stopDatabase() {
    }

    /** The daemon-mode readers of this database, each reading the prefix {@link #PREFIX}. */
    protected abstract List<ReaderSpec> readers();

    @BeforeAll
    void startRelayAndReaders() throws Exception {
        database = startDatabase();
        environment = new EnvironmentConfig("production", SDK_KEY, null, null, PREFIX, null, List.of(), List.of(),
                false, null, Duration.ZERO, null);
        RelayConfig config = RelayConfig.of(MainConfig.defaults().withPort(0), List.of(environment))
                .withSimulator(new SimulatorConfig(true, 0, true, true)).withDatabase(database);
        runtime = RelayRuntime.start(config, RelayOptions.builder().storesFrom(config).bindAddress("127.0.0.1")
                .initialReconnectDelay(Duration.ofMillis(100)).build());

        // The readers need a complete data set: wait for the initialized marker, asked of the database itself.
        await().atMost(WAIT).ignoreExceptions().until(this::databaseInitialized);

        URI relayUri = URI.create("http://127.0.0.1:" + runtime.relay().port());
        proxied = new LDClient(SDK_KEY, new LDConfig.Builder().events(Components.noEvents()).diagnosticOptOut(true)
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relayUri))
                .startWait(Duration.ofSeconds(15)).build());
        assertThat(proxied.isInitialized()).as("the proxy-mode SDK 7 initialized").isTrue();

        for (ReaderSpec spec : readers()) {
            DaemonReader reader = new DaemonReader(spec, spec.start().get());
            readers.add(reader);
            assertThat(reader.sdk().isReady()).as("%s ready: %s", spec.name(), reader.sdk().readyError()).isTrue();
        }
    }

    @AfterAll
    void stopEverything() {
        readers.forEach(reader -> reader.sdk().close());
        if (proxied != null) {
            try {
                proxied.close();
            } catch (java.io.IOException e) {
                // closing a client only stops its threads
            }
        }
        if (runtime != null) {
            runtime.close();
        }
        stopDatabase();
    }

    private boolean databaseInitialized() {
        try (DataStore store = StoreBackends.create(database, environment)) {
            return store.isInitialized();
        }
    }

    private SimulatedEnvironment upstream() {
        return runtime.simulator().orElseThrow().environment(SDK_KEY);
    }

    @Test
    void everyReaderEvaluatesEverySampleFlagForEveryContextAsAProxyModeSdkDoes() {
        List<String> flags = upstream().flags().stream().map(Item::key).toList();
        assertThat(proxied.allFlagsState(LDContext.create("x")).toValuesMap()).containsOnlyKeys(flags);

        for (DaemonReader reader : readers) {
            List<LDContext> contexts = new ArrayList<>();
            List<Evaluation> requests = new ArrayList<>();
            for (LDContext context : SdkContexts.all()) {
                Optional<JsonNode> json = reader.spec().contextJson().apply(context);
                for (String flag : json.isPresent() ? flags : List.<String>of()) {
                    contexts.add(context);
                    requests.add(new Evaluation(flag, json.get(), READER_DEFAULT.stringValue()));
                }
            }
            assertThat(requests).as("%s: cases to compare", reader.spec().name())
                    .hasSizeGreaterThanOrEqualTo(flags.size() * 40);

            List<Answer> answers = reader.sdk().evaluate(requests);
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                String flag = requests.get(i).flag();
                EvaluationDetail<LDValue> expected = proxied.jsonValueVariationDetail(flag, contexts.get(i),
                        READER_DEFAULT);
                Answer actual = answers.get(i);
                if (expected.getReason().getKind() == EvaluationReason.Kind.ERROR) {
                    differences.add(flag + ": the proxy-mode SDK itself failed: " + expected.getReason());
                } else if (!toLdValue(actual.value()).equals(expected.getValue())) {
                    differences.add(String.format("%s for %s: reader %s (%s), proxy mode %s (%s)", flag,
                            requests.get(i).context(), actual.value(), actual.reason(), expected.getValue(),
                            expected.getReason()));
                }
            }
            assertThat(differences).as("%s disagrees with the proxy-mode SDK", reader.spec().name()).isEmpty();
        }
    }

    @Test
    void upstreamTogglesAdditionsAndDeletionsReachEveryReaderThroughTheDatabase() {
        LDContext user = LDContext.builder("daemon-editor").set("email", "editor@example.org").build();
        assertEveryoneSees("legacy-export", user, LDValue.of("csv-v1")); // off: its off variation

        upstream().toggle("legacy-export");
        assertEveryoneSees("legacy-export", user, LDValue.of("csv-v2")); // on: its fallthrough

        upstream().putFlag("{\"key\":\"daemon-added\",\"on\":true,\"variations\":[\"added\",\"other\"],"
                + "\"fallthrough\":{\"variation\":0},\"offVariation\":1}");
        assertEveryoneSees("daemon-added", user, LDValue.of("added"));

        upstream().deleteFlag("daemon-added");
        assertEveryoneSees("daemon-added", user, READER_DEFAULT);

        upstream().toggle("legacy-export"); // back to the sample state, for the other test
        assertEveryoneSees("legacy-export", user, LDValue.of("csv-v1"));
    }

    /** The proxy-mode SDK and then every reader (each reads the database on every evaluation) answer {@code value}. */
    private void assertEveryoneSees(String flag, LDContext context, LDValue value) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(proxied.jsonValueVariation(flag, context, READER_DEFAULT))
                .as("proxy mode, %s", flag).isEqualTo(value));
        for (DaemonReader reader : readers) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(reader.evaluate(flag, context))
                    .as("%s, %s", reader.spec().name(), flag).contains(value));
        }
    }

    private static LDValue toLdValue(JsonNode json) {
        return LDValue.parse(json.toString());
    }
}
