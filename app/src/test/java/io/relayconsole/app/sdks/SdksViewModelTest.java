package io.relayconsole.app.sdks;

import static io.relayconsole.app.testing.Snapshots.NOW;
import static io.relayconsole.app.testing.Snapshots.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.metrics.MeterSnapshot;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdksViewModelTest {
    private final SdksViewModel model = new SdksViewModel();

    @Test
    void filtersBySearchEnvironmentAndMode() {
        model.setEnvironmentNames(List.of("development", "staging"));
        model.applyConnections(List.of(
                connection(1, "development", "JavaClient/7.13.0", Mode.STREAM, 3),
                connection(2, "development", "NodeJSClient/9.13.2", Mode.POLL, 1),
                connection(3, "staging", "JavaClient/7.12.1", Mode.STREAM, 5)));
        assertThat(ids()).containsExactly(1L, 2L, 3L);

        model.searchProperty().set("java");
        assertThat(ids()).containsExactly(1L, 3L);
        model.environmentProperty().set("staging");
        assertThat(ids()).containsExactly(3L);
        model.searchProperty().set("");
        model.environmentProperty().set(SdksViewModel.ALL);
        model.modeProperty().set(SdksViewModel.ModeFilter.POLL);
        assertThat(ids()).containsExactly(2L);
        model.modeProperty().set(SdksViewModel.ModeFilter.ALL);
        model.searchProperty().set("9.13");
        assertThat(ids()).containsExactly(2L);
    }

    @Test
    void aTickUpdatesCountersInPlaceAndDropsClosedConnections() {
        model.applyConnections(List.of(connection(1, "development", "JavaClient/7.13.0", Mode.STREAM, 3),
                connection(2, "development", "JavaClient/7.13.0", Mode.STREAM, 3)));
        SdkRow first = model.connections().get(0);
        model.applyConnections(List.of(connection(1, "development", "JavaClient/7.13.0", Mode.STREAM, 9),
                connection(4, "staging", "GoClient/7.8.1", Mode.STREAM, 0)));
        assertThat(model.connections().get(0)).isSameAs(first);
        assertThat(first.eventsSentProperty().get()).isEqualTo(9);
        assertThat(ids()).containsExactly(1L, 4L);
    }

    @Test
    void theCountsAreTheMetersOfTheChosenEnvironmentOrOfAll() {
        model.setEnvironmentNames(List.of("development", "staging"));
        model.applyMeters(new MeterSnapshot(Map.of(
                "development", new MeterSnapshot.EnvironmentMeters(2, 5, 40, 4000, Map.of(200, 7L, 503, 3L)),
                "staging", new MeterSnapshot.EnvironmentMeters(1, 1, 4, 400, Map.of(200, 1L, 401, 2L))),
                3, Map.of("idle", 2L, "limit", 1L)));
        assertThat(model.meterSummaryProperty().get()).isEqualTo(
                "3 streams open, 6 opened · 13 requests answered, 5 refused · 3 connections closed by limits");
        model.environmentProperty().set("staging");
        assertThat(model.meterSummaryProperty().get()).isEqualTo(
                "1 stream open, 1 opened · 3 requests answered, 2 refused · 3 connections closed by limits");
    }

    @Test
    void aChosenEnvironmentSurvivesANewEnvironmentList() {
        model.setEnvironmentNames(List.of("development", "staging"));
        model.environmentProperty().set("staging");
        model.setEnvironmentNames(List.of("development", "staging", "production"));
        assertThat(model.environmentProperty().get()).isEqualTo("staging");
        model.setEnvironmentNames(List.of("development"));
        assertThat(model.environmentProperty().get()).isEqualTo(SdksViewModel.ALL);
    }

    @Test
    void refusedRequestsAppearNewestFirstWithTheirReasonAndAreBounded() {
        List<RelayEvent> events = new ArrayList<>();
        events.add(served(200, "development", null));
        events.add(served(401, null, "unknown SDK key"));
        events.add(served(503, "development", "environment not ready"));
        model.applyEvents(events);
        assertThat(model.visibleRefused()).extracting(RefusedRow::status).containsExactly(503, 401);
        assertThat(model.visibleRefused().get(1).reason()).isEqualTo("unknown SDK key");
        assertThat(model.visibleRefused().get(1).environment()).isEqualTo("(no environment)");

        model.searchProperty().set("not ready");
        assertThat(model.visibleRefused()).extracting(RefusedRow::status).containsExactly(503);

        List<RelayEvent> flood = new ArrayList<>();
        for (int i = 0; i < SdksViewModel.REFUSED_CAPACITY + 10; i++) {
            flood.add(served(503, "development", "flood " + i));
        }
        model.searchProperty().set("");
        model.applyEvents(flood);
        assertThat(model.visibleRefused()).hasSize(SdksViewModel.REFUSED_CAPACITY);
        assertThat(model.visibleRefused().get(0).reason()).isEqualTo("flood " + (SdksViewModel.REFUSED_CAPACITY + 9));
    }

    @Test
    void tenThousandConnectionsFilterInOnePass() {
        List<io.relayconsole.serving.SdkConnectionInfo> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(connection(i, i % 2 == 0 ? "development" : "staging", "JavaClient/7.13.0", Mode.STREAM, i));
        }
        model.applyConnections(many);
        model.applyConnections(many);
        model.environmentProperty().set("staging");
        assertThat(model.visibleConnections()).hasSize(5_000);
    }

    @Test
    void pollersGetOneRowEachThatCountsTheirPollsAndIsForgottenWhenTheyStop() {
        model.applyConnections(List.of(connection(1, "development", "JavaClient/7.13.0", Mode.STREAM, 3)));
        model.applyEvents(List.of(poll(NOW, "/sdk/evalx/env/contexts/{context}", "GET", 200),
                poll(NOW.plusSeconds(1), "/sdk/evalx/env/contexts/{context}", "GET", 200),
                poll(NOW, "/events/bulk/env", "POST", 202),
                poll(NOW, "/sdk/evalx/env/contexts/{context}", "GET", 400)));
        SdkRow poller = model.connections().stream().filter(SdkRow::isPoller).findFirst().orElseThrow();
        assertThat(model.connections()).hasSize(2);
        assertThat(poller.mode()).isEqualTo("poll");
        assertThat(poller.contextKind()).isEqualTo("user");
        assertThat(poller.eventsSentProperty().get()).as("polls answered").isEqualTo(2);

        model.applyConnections(List.of(connection(1, "development", "JavaClient/7.13.0", Mode.STREAM, 4)));
        assertThat(model.connections()).as("a tick of open streams keeps the pollers").contains(poller);
        model.searchProperty().set("user");
        assertThat(model.visibleConnections()).containsExactly(poller);
        model.searchProperty().set("");

        model.applyEvents(List.of(poll(NOW.plus(Pollers.FORGET_AFTER).plusSeconds(2), "/sdk/latest-all", "GET",
                200)));
        assertThat(model.connections()).doesNotContain(poller);
    }

    private static RelayEvent poll(java.time.Instant time, String path, String method, int status) {
        boolean evalx = path.startsWith("/sdk/evalx");
        return new RelayEvent.RequestServed(time, new RequestRecord(time, "development", "127.0.0.1:5" + path.length(),
                method, path, status, 100, "JSClient/3.9.5", null, evalx ? "user" : null,
                evalx ? "{\"kind\":\"user\",\"key\":\"k\"}" : null));
    }

    private List<Long> ids() {
        return model.visibleConnections().stream().map(SdkRow::id).toList();
    }

    private static RelayEvent served(int status, String env, String reason) {
        return new RelayEvent.RequestServed(NOW, new RequestRecord(NOW, env, "127.0.0.1:1", "GET", "/all", status, 0,
                "JavaClient/7.13.0", reason));
    }
}
