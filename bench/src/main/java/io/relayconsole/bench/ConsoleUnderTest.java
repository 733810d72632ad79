package io.relayconsole.bench;

import io.relayconsole.app.RelayConsoleApp;
import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.app.shell.ConfigSource;
import io.relayconsole.app.shell.ConsoleSession;
import io.relayconsole.app.shell.Screen;
import io.relayconsole.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real console (every screen, {@link ConsoleSession}), in its own JVM under Xvfb, instrumented from outside
 * the app: the relay configuration comes from the environment ({@code LD_ENV_*}, {@code STREAM_URI}, ...), and
 * per pulse it records
 * <ul>
 *   <li>the FX thread's CPU time since the previous pulse: every piece of FX work (feed hand-over, screens'
 *       own hand-overs, CSS, layout, render preparation) counted once, without the time spent waiting for a
 *       core on a shared machine;</li>
 *   <li>the wall time of the feed's hand-over (first to last snapshot/event listener) plus CSS and layout
 *       (pre- to post-layout pulse listener), as an operator would feel it on this machine.</li>
 * </ul>
 * Driven by lines on stdin: {@code phase NAME SCREEN ENV} shows a screen (Overview, SDKs, Flags) for an
 * environment and starts collecting samples under NAME; {@code quit} writes the results file (args[0]) and exits.
 */
public class ConsoleUnderTest extends Application {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long mainMillis = -1;
    private long startMillis = -1;
    private long openedMillis = -1;

    private final Map<String, List<long[]>> samples = new LinkedHashMap<>();
    private volatile String phase = "startup";
    private long firstFrameMillis = -1;
    private long firstDataFrameMillis = -1;
    private boolean dataSeen;
    private long lastPulseCpu = -1;
    private long handoverStart;
    private long handoverEnd;
    private long handoverNanos;
    private long preLayout;
    private ConsoleSession session;
    private Preferences preferencesNode;

    /** The entry point: a main class extending Application needs JavaFX as modules; the class path suffices here. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            mainMillis = sinceJvmStart();
            RelayConsoleApp.configureLoggingInBackground(); // as the console's own main does
            Application.launch(ConsoleUnderTest.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        startMillis = sinceJvmStart();
        Path results = Path.of(getParameters().getRaw().get(0));
        // Own preferences node, so the bench neither reads nor changes the user's console settings.
        preferencesNode = Preferences.userRoot().node("io/relayconsole/bench-" + ProcessHandle.current().pid());
        // Loaded off the FX thread, as the console loads a --config file
        ConfigSource source = new ConfigSource("bench (environment variables)", Optional.empty(),
                () -> ConfigLoader.load(null, true, System.getenv(), true).config());
        session = ConsoleSession.open(stage, source, new ConsolePreferences(preferencesNode),
                context -> {
                    context.snapshotProperty().addListener((o, a, b) -> handoverStart = System.nanoTime());
                    List<Screen> screens = RelayConsoleApp.screens(context);
                    context.addEventListener(events -> handoverEnd = System.nanoTime());
                    return screens;
                });
        // Registered after the session's own (header) listener: the last snapshot listener to run.
        session.context().snapshotProperty().addListener((o, a, b) -> {
            handoverEnd = System.nanoTime();
            dataSeen = true;
            Platform.runLater(() -> handoverNanos += handoverEnd - handoverStart); // after the event listeners
        });
        openedMillis = sinceJvmStart();
        THREADS.setThreadCpuTimeEnabled(true);
        Scene scene = stage.getScene();
        scene.addPreLayoutPulseListener(() -> preLayout = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> onPulse(System.nanoTime()));
        Thread commands = new Thread(() -> readCommands(results), "bench-commands");
        commands.setDaemon(true);
        commands.start();
    }

    private void onPulse(long postLayout) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (firstFrameMillis < 0) {
            firstFrameMillis = sinceJvmStart();
        }
        if (dataSeen && firstDataFrameMillis < 0) {
            firstDataFrameMillis = sinceJvmStart();
        }
        if (lastPulseCpu >= 0) {
            long wall = postLayout - preLayout + handoverNanos;
            samples.computeIfAbsent(phase, p -> new ArrayList<>()).add(new long[] {cpu - lastPulseCpu, wall});
        }
        handoverNanos = 0;
        lastPulseCpu = cpu;
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private void readCommands(Path results) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                if (words[0].equals("phase") && words.length == 4) {
                    Platform.runLater(() -> show(words[1], words[2], words[3]));
                } else if (words[0].equals("quit")) {
                    break;
                }
            }
        } catch (IOException e) {
            System.err.println("bench commands: " + e.getMessage());
        }
        Platform.runLater(() -> {
            try {
                Files.writeString(results, report());
                session.close();
                preferencesNode.removeNode();
            } catch (IOException | BackingStoreException e) {
                System.err.println("cannot write results: " + e.getMessage());
            }
            Platform.exit();
            System.exit(0);
        });
    }

    private void show(String name, String screenTitle, String environment) {
        session.context().selectedEnvironmentProperty().set(environment);
        List<Screen> screens = session.window().screens();
        for (int i = 0; i < screens.size(); i++) {
            if (screens.get(i).title().startsWith(screenTitle)) {
                session.window().select(i);
            }
        }
        phase = name;
    }

    /** One line per figure: {@code main|start|opened|firstFrame|firstDataFrame MS}, {@code pulse PHASE CPU|WALL NANOS...}. */
    private String report() {
        StringBuilder out = new StringBuilder();
        out.append("main ").append(mainMillis).append('\n');
        out.append("start ").append(startMillis).append('\n');
        out.append("opened ").append(openedMillis).append('\n');
        out.append("firstFrame ").append(firstFrameMillis).append('\n');
        out.append("firstDataFrame ").append(firstDataFrameMillis).append('\n');
        for (Map.Entry<String, List<long[]>> e : samples.entrySet()) {
            for (int column = 0; column < 2; column++) {
                out.append("pulse ").append(e.getKey()).append(column == 0 ? " cpu" : " wall");
                for (long[] sample : e.getValue()) {
                    out.append(' ').append(sample[column]);
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
