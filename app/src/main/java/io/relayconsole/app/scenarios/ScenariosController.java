package io.relayconsole.app.scenarios;

import io.relayconsole.app.shell.ConsoleFeed;
import io.relayconsole.app.task.TaskExecutor;
import io.relayconsole.app.timeline.StepBuffer;
import io.relayconsole.demo.Scenario;
import io.relayconsole.demo.ScenarioPace;
import io.relayconsole.demo.ScenarioProgress;
import io.relayconsole.demo.ScenarioResult;
import io.relayconsole.demo.ScenarioRunner;
import io.relayconsole.timeline.TimelineStep;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Runs scenarios on the console's scenarios lane (each builds its own relay, upstream and demo database, so the
 * console's relay is never disturbed; they take seconds, so they do not hold up the engine commands).
 * Progress is buffered and shown once per tick; each scenario's end is one hand-over to the FX thread.
 */
public final class ScenariosController implements AutoCloseable {
    private final ScenariosViewModel model;
    private volatile ScenarioRunner runner = new ScenarioRunner();
    private final StepBuffer steps = new StepBuffer(10_000);
    private final TaskExecutor tasks;
    private final javafx.animation.Timeline ticker;
    private Future<?> playing;
    private volatile String currentAction;
    private volatile boolean cancelled;

    public ScenariosController(ScenariosViewModel model, TaskExecutor tasks) {
        this.model = model;
        this.tasks = tasks;
        ticker = new javafx.animation.Timeline(new KeyFrame(Duration.millis(ConsoleFeed.TICK_MILLIS), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /** Plays one scenario. FX thread. */
    public void run(Scenario scenario) {
        play(List.of(scenario));
    }

    /** Plays all that run on the chosen database in order, stopping at a cancel. FX thread. */
    public void runAll() {
        play(Scenario.on(model.backendProperty().get()));
    }

    /**
     * Plays one scenario for an audience: at the chosen pace (the document's durations unless faster was picked),
     * each step highlighted as the relay draws it, ending with the scenario's explanation. FX thread.
     */
    public void present(Scenario scenario) {
        if (!model.runningProperty().get()) {
            model.presentingProperty().set(true);
            play(List.of(scenario));
        }
    }

    /** Stops the running scenario at its next wait. */
    public void cancel() {
        cancelled = true;
        model.actionProperty().set("Cancelling…");
        runner.cancel();
    }

    private void play(List<Scenario> scenarios) {
        if (model.runningProperty().get()) {
            return;
        }
        cancelled = false;
        runner = new ScenarioRunner(model.backendProperty().get())
                .pace(model.presentingProperty().get() ? model.presenterPace() : ScenarioPace.QUICK);
        model.runningProperty().set(true);
        ticker.play();
        playing = tasks.execute(TaskExecutor.Lane.SCENARIOS, () -> {
            for (Scenario s : scenarios) {
                if (cancelled || !playOne(s)) {
                    break;
                }
            }
            Platform.runLater(() -> {
                tick();
                ticker.stop();
                model.idle();
            });
        });
    }

    /** Runs one scenario on the worker; false when the run was cancelled. */
    private boolean playOne(Scenario scenario) {
        currentAction = null;
        steps.drain();
        Platform.runLater(() -> model.started(scenario));
        ScenarioProgress progress = new ScenarioProgress() {
            @Override
            public void onAction(String description) {
                currentAction = description;
            }

            @Override
            public void onStep(TimelineStep step) {
                steps.onStep(step);
            }
        };
        try {
            ScenarioResult result = runner.run(scenario, progress);
            Platform.runLater(() -> model.finished(result));
            return true;
        } catch (CancellationException e) {
            Platform.runLater(() -> model.ended(ScenarioVerdict.cancelled(scenario)));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Platform.runLater(() -> model.ended(ScenarioVerdict.cancelled(scenario)));
            return false;
        } catch (RuntimeException e) {
            Platform.runLater(() -> model.ended(ScenarioVerdict.failed(scenario, e)));
            return true;
        }
    }

    private void tick() {
        if (model.runningProperty().get()) {
            model.progress(currentAction, steps.drain());
        }
    }

    @Override
    public void close() {
        runner.cancel();
        ticker.stop();
        if (playing != null) {
            playing.cancel(true);
        }
    }
}
