package io.relayconsole.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How the console may reach the engine (docs/architecture.md): through the engine's API packages only, and views not
 * at all, so a screen's nodes are fed by its view model and engine changes stop at the view models and services.
 */
@AnalyzeClasses(packages = "io.relayconsole.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureTest {

    /** The engine packages the console may use; every other engine package is internal to the engine. */
    static final String[] ENGINE_API = {
        "io.relayconsole.relay", "io.relayconsole.serving", "io.relayconsole.store", "io.relayconsole.backends",
        "io.relayconsole.model", "io.relayconsole.config", "io.relayconsole.timeline", "io.relayconsole.demo",
        "io.relayconsole.simulator", "io.relayconsole.upstream", "io.relayconsole.events",
        "io.relayconsole.metrics", "io.relayconsole.bigsegments", "io.relayconsole.workspace",
        "io.relayconsole.offline"
    };

    /** Of {@code upstream}, only the status types are API; the data sources are the engine's own. */
    private static final DescribedPredicate<JavaClass> UPSTREAM_IMPLEMENTATION =
            resideInAPackage("io.relayconsole.upstream").and(not(simpleNameEndingWith("DataSourceStatus")
                    .or(simpleNameEndingWith("DataSourceState")).or(simpleNameEndingWith("ErrorInfo"))))
                    .as("upstream implementation classes");

    /** Of {@code events}, only what snapshots and the built-in upstream's sink hand out; forwarding is the engine's. */
    private static final DescribedPredicate<JavaClass> EVENTS_IMPLEMENTATION =
            resideInAPackage("io.relayconsole.events").and(not(belongToAnyOf(io.relayconsole.events.EventStats.class,
                    io.relayconsole.events.RecentPayload.class, io.relayconsole.events.EventKind.class,
                    io.relayconsole.events.EventSink.class)))
                    .as("event forwarding classes");

    /** Of {@code metrics}, only the snapshot the relay hands over is API; registries and exporters are the engine's. */
    private static final DescribedPredicate<JavaClass> METRICS_IMPLEMENTATION =
            resideInAPackage("io.relayconsole.metrics").and(not(simpleNameEndingWith("MeterSnapshot")
                    .or(simpleNameEndingWith("EnvironmentMeters")))).as("metrics implementation classes");

    /**
     * Of {@code workspace}, what the Workspace area acts on and shows (open/switch through {@code RelayRuntime},
     * statuses, events, import/export/snapshot); its files, formats and watching are the engine's.
     */
    private static final DescribedPredicate<JavaClass> WORKSPACE_IMPLEMENTATION =
            resideInAPackage("io.relayconsole.workspace").and(not(belongToAnyOf(
                    io.relayconsole.workspace.Workspace.class, io.relayconsole.workspace.FileStatus.class,
                    io.relayconsole.workspace.WorkspaceEvent.class, io.relayconsole.workspace.WorkspaceTransfer.class,
                    io.relayconsole.workspace.FileDataException.class)))
                    .as("workspace implementation classes");

    /** Of {@code offline}, only the refusal an archive import reports; reading archives is the engine's. */
    private static final DescribedPredicate<JavaClass> OFFLINE_IMPLEMENTATION =
            resideInAPackage("io.relayconsole.offline").and(not(belongToAnyOf(
                    io.relayconsole.offline.ArchiveException.class))).as("offline-mode implementation classes");

    private static final DescribedPredicate<JavaClass> ENGINE_INTERNALS = resideInAPackage("io.relayconsole..")
            .and(not(resideInAPackage("io.relayconsole.app..")))
            .and(not(resideInAnyPackage(ENGINE_API)).or(UPSTREAM_IMPLEMENTATION).or(EVENTS_IMPLEMENTATION)
                    .or(METRICS_IMPLEMENTATION).or(WORKSPACE_IMPLEMENTATION).or(OFFLINE_IMPLEMENTATION))
            .as("engine packages other than the console's API (" + String.join(", ", ENGINE_API) + ")");

    @ArchTest
    static final ArchRule consoleUsesTheEngineApiOnly = noClasses().that().resideInAPackage("io.relayconsole.app..")
            .should().dependOnClassesThat(ENGINE_INTERNALS)
            .because("backends, the SDK server and data sources are reached through backends.StoreBackends and "
                    + "relay.RelayEnvironment, so the engine can change them without touching the console");

    /**
     * A view or pane (and the classes nested in it) calls no engine method and reads no engine field: it may show a value
     * its view model hands it, but asking the engine anything is the view model's or a service's job.
     */
    @ArchTest
    static final ArchRule viewsTouchNoEngineType = noClasses().that().resideInAPackage("io.relayconsole.app..")
            .and().haveNameMatching(".*(View|Pane)(\\$.*)?")
            .should().accessClassesThat(resideInAPackage("io.relayconsole..")
                    .and(not(resideInAPackage("io.relayconsole.app.."))).as("engine types"))
            .because("views show what their view model holds; engine types stop at view models and services");
}
