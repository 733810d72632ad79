package io.relayconsole.app.overview;

import static io.relayconsole.app.testing.Snapshots.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.app.ui.RateWindow;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.store.StoreAccess;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyModelTest {

    @Test
    void nodesSayTheirStateInWords() {
        TopologyModel model = new TopologyModel();
        var env = withStoreDown(withUpstream(healthy("development"), DataSourceState.INTERRUPTED, 7,
                ErrorInfo.httpStatus(503, NOW)), 42, expiredCache());
        model.apply(of(env), "development");
        assertThat(model.upstreamProperty().get()).isEqualTo(
                new NodeStatus(NodeStatus.Level.ERROR, "interrupted for 7 s", "HTTP 503"));
        assertThat(model.storeProperty().get()).isEqualTo(
                new NodeStatus(NodeStatus.Level.ERROR, "unavailable for 42 s", "cache expired"));
        assertThat(model.relayProperty().get().state()).isEqualTo("serving");
        assertThat(model.sdksProperty().get().state()).isEqualTo("1 connected");
    }

    @Test
    void samplesStopWhilePausedAndRestartOnAnotherEnvironment() {
        TopologyModel model = new TopologyModel();
        model.apply(of(healthy("development"), healthy("staging")), "development");
        model.apply(of(healthy("development"), healthy("staging")), "development");
        assertThat(model.connectedSdks().size()).isEqualTo(2);
        model.setPaused(true);
        model.apply(of(healthy("development"), healthy("staging")), "development");
        assertThat(model.connectedSdks().size()).isEqualTo(2);
        model.setPaused(false);
        model.apply(of(healthy("development"), healthy("staging")), "staging");
        assertThat(model.environment()).isEqualTo("staging");
        assertThat(model.connectedSdks().size()).isEqualTo(1);
    }

    @Test
    void pulsesCountFlowsOfTheShownEnvironmentOnly() {
        TopologyModel model = new TopologyModel();
        model.apply(of(healthy("development"), healthy("staging")), "development");
        model.applyEvents(List.of(
                new RelayEvent.FullDataReceived(NOW, "staging", 1, 1, true),
                new RelayEvent.StoreAccessed(NOW, "development",
                        new StoreAccess(StoreAccess.Operation.READ_ALL, true, true, 3, null))));
        assertThat(model.upstreamPulsesProperty().get()).isZero();
        assertThat(model.storePulsesProperty().get()).isEqualTo(1);
    }

    @Test
    void rateIsSmoothedOverTheWindow() {
        RateWindow rate = new RateWindow(5);
        Instant t = NOW;
        assertThat(rate.add(t, 0)).isZero();
        assertThat(rate.add(t.plusMillis(250), 0)).isZero();
        assertThat(rate.add(t.plusMillis(500), 2)).isEqualTo(4.0);
        assertThat(rate.add(t.plusMillis(1000), 4)).isEqualTo(4.0);
    }
}
