package io.relayconsole.app.screenshots;

import io.relayconsole.app.RelayConsoleApp;
import io.relayconsole.app.overview.TopologyHighlight;
import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.app.preferences.Theme;
import io.relayconsole.app.scenarios.ScenariosScreen;
import io.relayconsole.app.shell.ConfigSource;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.app.shell.Screen;
import io.relayconsole.app.testing.DemoSdkClient;
import io.relayconsole.app.testing.Pngs;
import io.relayconsole.config.DevelopmentConfig;
import io.relayconsole.demo.Scenario;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.simulator.SimulatedEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Renders every registered screen into {@code <dir>/<screen>.png} (light theme) plus {@code overview-dark.png},
 * with live activity: demo SDK streams, a refused request, and flag changes from the built-in upstream.
 * Run by {@code docs/screenshots/render} under Xvfb. Usage: {@code ScreenshotRenderer [outputDir]}.
 */
public final class ScreenshotRenderer {
    private static final long SETTLE_MILLIS = 700;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Preferences scratch = Preferences.userRoot().node("/io/relayconsole/screenshots-" + ProcessHandle.current().pid());
        CompletableFuture<ConsoleSession> opened = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            ConsolePreferences prefs = new ConsolePreferences(scratch);
            prefs.saveTheme(Theme.LIGHT);
            var config = DevelopmentConfig.create().withMain(DevelopmentConfig.create().main().withPort(0));
            opened.complete(ConsoleSession.open(stage, ConfigSource.of("screenshots", config), prefs,
                    RelayConsoleApp::screens));
        });
        ConsoleSession session = opened.get(30, TimeUnit.SECONDS);
        session.started().get(30, TimeUnit.SECONDS);
        RelayRuntime runtime = session.context().service().runtime();
        int port = runtime.relay().port();

        List<DemoSdkClient> clients = new ArrayList<>();
        String[][] agents = {{"JavaClient/7.13.0", null}, {"JavaClient/7.13.0", null}, {"NodeJSClient/9.13.2", null},
                {"NodeJSClient/9.13.2", "react-server/1.4.0"}, {"PythonClient/9.10.0", null},
                {"GoClient/7.8.1", null}};
        for (String[] a : agents) {
            clients.add(DemoSdkClient.stream(port, DevelopmentConfig.DEVELOPMENT_SDK_KEY, a[0], a[1]));
        }
        clients.add(DemoSdkClient.stream(port, DevelopmentConfig.STAGING_SDK_KEY, "JavaClient/7.12.1", null));
        // Client-side and mobile SDKs: a browser and a phone streaming evaluated flags for their contexts.
        clients.add(DemoSdkClient.clientStream(port, "/eval/" + DevelopmentConfig.DEVELOPMENT_CLIENT_SIDE_ID + "/",
                "{\"kind\":\"user\",\"key\":\"browser-user\",\"country\":\"DE\"}", "JSClient/3.9.5", null));
        clients.add(DemoSdkClient.clientStream(port, "/meval/", "{\"kind\":\"multi\",\"user\":{\"key\":\"u1\"},"
                + "\"device\":{\"key\":\"d1\"}}", "AndroidClient/5.4.0", DevelopmentConfig.DEVELOPMENT_MOBILE_KEY));
        DemoSdkClient.stream(port, "sdk-00000000-0000-4000-8000-000000000000", "NodeJSClient/9.13.2", null).close();

        SimulatedEnvironment upstream = runtime.simulator().orElseThrow()
                .environment(DevelopmentConfig.DEVELOPMENT_SDK_KEY);
        String flag = upstream.flags().get(0).key();
        // A big segment in the data: the Store screen shows what the in-memory store does with it (warns, writes nothing).
        upstream.bigSegments().defineSegment("beta-audience");
        upstream.bigSegments().edit("beta-audience",
                io.relayconsole.simulator.SimulatedBigSegments.Edit.including(List.of("user-1", "user-2")));
        ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor();
        changes.scheduleAtFixedRate(() -> upstream.toggle(flag), 0, 400, TimeUnit.MILLISECONDS);
        // A real SDK evaluating flags with events on, so the Events screen and the upstream edge show traffic.
        com.launchdarkly.sdk.server.LDClient evaluating = new com.launchdarkly.sdk.server.LDClient(
                DevelopmentConfig.DEVELOPMENT_SDK_KEY, new com.launchdarkly.sdk.server.LDConfig.Builder()
                .serviceEndpoints(com.launchdarkly.sdk.server.Components.serviceEndpoints()
                        .relayProxy(java.net.URI.create("http://127.0.0.1:" + port)))
                .events(com.launchdarkly.sdk.server.Components.sendEvents().flushInterval(java.time.Duration.ofSeconds(1)))
                .build());
        java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger();
        changes.scheduleAtFixedRate(() -> evaluating.boolVariation("new-checkout",
                com.launchdarkly.sdk.LDContext.create("user-" + users.incrementAndGet() % 7), false),
                0, 50, TimeUnit.MILLISECONDS);
        waitMillis(8000);

        List<Screen> screens = onFx(() -> session.window().screens());
        Path presenting = out.resolve(slug("Scenarios") + ".png");
        presentScenario(session, screens, presenting);
        showWorkspace(screens);
        for (int i = 0; i < screens.size(); i++) {
            int index = i;
            if (out.resolve(slug(screens.get(i).title()) + ".png").equals(presenting)) {
                continue; // shot while presenting
            }
            onFx(() -> {
                session.window().select(index);
                return null;
            });
            waitMillis(SETTLE_MILLIS);
            shoot(session, out.resolve(slug(screens.get(i).title()) + ".png"));
        }
        onFx(() -> {
            session.themes().apply(Theme.DARK);
            session.window().select(0);
            return null;
        });
        waitMillis(SETTLE_MILLIS * 2);
        shoot(session, out.resolve("overview-dark.png"));

        changes.shutdownNow();
        evaluating.close();
        for (DemoSdkClient c : clients) {
            c.close();
        }
        onFx(() -> {
            session.close();
            return null;
        });
        scratch.removeNode();
        Platform.exit();
        System.exit(0);
    }

    /**
     * Presents scenario 2 on the Scenarios screen at 10x and shoots it at the moment SDK2 is refused, so the
     * screenshot shows the topology lit in the danger colour beside the diagrams; then lets the run end.
     */
    private static void presentScenario(ConsoleSession session, List<Screen> screens, Path file) throws Exception {
        ScenariosScreen scenarios = screens.stream().filter(ScenariosScreen.class::isInstance)
                .map(ScenariosScreen.class::cast).findFirst().orElseThrow();
        onFx(() -> {
            session.window().select(screens.indexOf(scenarios));
            scenarios.model().paceChoiceProperty().set(scenarios.model().paceChoices().stream()
                    .filter(c -> c.startsWith("10")).findFirst().orElseThrow());
            scenarios.controller().present(Scenario.STORE_OUTAGE_WITH_TTL);
            return null;
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !onFx(() -> {
            var lit = scenarios.model().topology().highlightProperty().get();
            return lit != null && lit.failure() && lit.element() == TopologyHighlight.Element.SDK_EDGE;
        })) {
            waitMillis(50);
        }
        shoot(session, file);
        while (System.currentTimeMillis() < deadline
                && onFx(() -> scenarios.model().verdictFor(Scenario.STORE_OUTAGE_WITH_TTL)) == null) {
            waitMillis(250);
        }
    }

    /** Opens a workspace folder from the Upstream screen, as a developer would, so its area shows a live file. */
    private static void showWorkspace(List<Screen> screens) throws Exception {
        io.relayconsole.app.upstream.UpstreamScreen upstream = screens.stream()
                .filter(io.relayconsole.app.upstream.UpstreamScreen.class::isInstance)
                .map(io.relayconsole.app.upstream.UpstreamScreen.class::cast).findFirst().orElseThrow();
        Path folder = java.nio.file.Files.createTempDirectory("relay-console-").resolve("team-flags");
        onFx(() -> {
            upstream.workspace().useChooser((ask, owner) -> java.util.Optional.of(folder));
            upstream.workspace().open(io.relayconsole.app.workspace.WorkspaceChooser.Ask.OPEN_FOLDER, null);
            return null;
        });
        waitMillis(SETTLE_MILLIS);
    }

    private static void shoot(ConsoleSession session, Path file) throws Exception {
        WritableImage image = onFx(() -> session.window().getScene().snapshot(null));
        Pngs.write(image, file);
        System.out.println("wrote " + file);
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.set(action.call());
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
        return result.get();
    }

    /** Lets live activity accumulate (sparklines, pulses); this is a renderer, not a test. */
    private static void waitMillis(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
