package io.relayconsole.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layering, checked on every build (docs/architecture.md draws it): no package cycles, no console in the
 * engine, the SDK server through the {@code serving} contract only, and store backends chosen outside {@code store}.
 */
@AnalyzeClasses(packages = "io.relayconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    /** Every package is its own slice (store and store.redis too), so any cycle between two of them fails. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.relayconsole.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule engineNeverReachesTheConsole = noClasses().that().resideInAPackage("io.relayconsole..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.relayconsole.app..")
            .because("the engine runs headless and embedded; the console depends on it, never the reverse");

    @ArchTest
    static final ArchRule serverSeesTheRelayOnlyThroughServing = noClasses()
            .that().resideInAPackage("io.relayconsole.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relayconsole.relay..", "io.relayconsole.backends..")
            .because("the SDK server reads environments through the serving.ServedRelay/ServedEnvironment contract");

    @ArchTest
    static final ArchRule storeKnowsNoBackend = noClasses().that().resideInAPackage("io.relayconsole.store")
            .should().dependOnClassesThat().resideInAnyPackage("io.relayconsole.store.redis..",
                    "io.relayconsole.store.dynamodb..", "io.relayconsole.store.consul..", "io.relayconsole.backends..")
            .because("backends implement store's interfaces; they are chosen in the backends package");

    @ArchTest
    static final ArchRule metersKnowNeitherServerNorRelay = noClasses().that().resideInAPackage("io.relayconsole.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relayconsole.server..", "io.relayconsole.relay..")
            .because("the server records into the meters and the relay registers them; the meters serve both");
}
