package io.relayconsole.app.logs;

import io.relayconsole.app.shell.ConsoleContext;
import io.relayconsole.app.shell.ConsoleFeed;
import io.relayconsole.app.shell.LazyView;
import io.relayconsole.app.shell.Screen;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Logs screen. It drains the shared log buffer on its own FX timer at the feed's tick rate, so the log is
 * visible even when the relay failed to start (and the feed never ticks).
 */
public final class LogsScreen implements Screen {
    private final LogsViewModel model = new LogsViewModel();
    private final LazyView<LogsView> view = new LazyView<>(() -> new LogsView(model));
    private final Timeline drain;
    private long next;

    public LogsScreen(ConsoleContext context) {
        drain = new Timeline(new KeyFrame(Duration.millis(ConsoleFeed.TICK_MILLIS), e -> drain()));
        drain.setCycleCount(Animation.INDEFINITE);
        drain.play();
        drain();
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
    public String title() {
        return "Logs";
    }

    @Override
    public Ikon icon() {
        return Material2MZ.SUBJECT;
    }

    @Override
    public Node view() {
        return view.get();
    }

    @Override
    public void focusSearch() {
        view.get().focusSearch();
    }

    @Override
    public void close() {
        drain.stop();
    }
}
