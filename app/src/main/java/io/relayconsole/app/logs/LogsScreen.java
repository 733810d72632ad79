package io.relayconsole.app.logs;

import io.relayconsole.app.shell.AbstractScreen;
import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.ConsoleFeed;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Logs screen. It drains the shared log buffer on its own FX timer at the feed's tick rate, so the log is
 * visible even when the relay failed to start (and the feed never ticks).
 */
public final class LogsScreen extends AbstractScreen<LogsView> {
    private final LogsViewModel model = new LogsViewModel();
    private final Timeline drain;
    private long next;

    public LogsScreen(ConsoleContext context) {
        super(context, "Logs", Material2MZ.SUBJECT);
        drain = new Timeline(new KeyFrame(Duration.millis(ConsoleFeed.TICK_MILLIS), e -> drain()));
        drain.setCycleCount(Animation.INDEFINITE);
        drain.play();
        drain();
    }

    @Override
    protected LogsView buildView() {
        return new LogsView(model);
    }

    private void drain() {
        var batch = LogBuffer.shared().since(next);
        if (!batch.isEmpty()) {
            next = batch.get(batch.size() - 1).sequence() + 1;
            model.add(batch);
        }
    }

    public LogsViewModel model() {
        return model;
    }

    @Override
    public void focusSearch() {
        view().focusSearch();
    }

    @Override
    public void close() {
        drain.stop();
    }
}
