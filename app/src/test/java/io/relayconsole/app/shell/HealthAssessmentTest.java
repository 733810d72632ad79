package io.relayconsole.app.shell;

import static io.relayconsole.app.testing.Snapshots.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.serving.Readiness;
import io.relayconsole.store.CacheFreshness;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthAssessmentTest {

    @Test
    void healthyRelaySaysWhatItServes() {
        Health h = HealthAssessment.assess(of(healthy("development")));
        assertThat(h.level()).isEqualTo(Health.Level.HEALTHY);
        assertThat(h.headline()).isEqualTo("Healthy");
        assertThat(h.reason()).isEqualTo("serving 1 environment; 0 SDK streams connected");
    }

    @Test
    void storeOutageWithExpiredCacheRefusingSdksIsDownWithEveryReason() {
        var env = withReadiness(withStoreDown(healthy("development"), 42, expiredCache()), Readiness.NOT_READY);
        Health h = HealthAssessment.assess(of(env));
        assertThat(h.level()).isEqualTo(Health.Level.DOWN);
        assertThat(h.reason()).isEqualTo("store unavailable for 42 s; cache expired; new SDK connections refused (503)");
    }

    @Test
    void storeOutageWhileTheCacheIsFreshIsDegradedAndSaysWhenItExpires() {
        var cache = new CacheFreshness(Duration.ofSeconds(30), Duration.ofSeconds(10));
        Health h = HealthAssessment.assess(of(withStoreDown(healthy("development"), 5, cache)));
        assertThat(h.level()).isEqualTo(Health.Level.DEGRADED);
        assertThat(h.reason()).isEqualTo("store unavailable for 5 s; serving from cache, expires in 20 s");
    }

    @Test
    void interruptedUpstreamNamesTheErrorAndHowLong() {
        var env = withUpstream(healthy("development"), DataSourceState.INTERRUPTED, 12,
                ErrorInfo.httpStatus(503, NOW));
        Health h = HealthAssessment.assess(of(env));
        assertThat(h.level()).isEqualTo(Health.Level.DEGRADED);
        assertThat(h.reason()).isEqualTo("upstream interrupted for 12 s (HTTP 503)");
    }

    @Test
    void rejectedKeyIsDownWith401() {
        var env = withReadiness(withUpstream(healthy("development"), DataSourceState.OFF, 3,
                ErrorInfo.httpStatus(401, NOW)), Readiness.REJECTED);
        Health h = HealthAssessment.assess(of(env));
        assertThat(h.level()).isEqualTo(Health.Level.DOWN);
        assertThat(h.reason()).isEqualTo("upstream off (HTTP 401); SDK key rejected upstream; SDKs get 401");
    }

    @Test
    void longOutagesReadInMinutes() {
        var env = withStoreDown(healthy("development"), 300, new CacheFreshness(Duration.ZERO, null));
        assertThat(HealthAssessment.assess(of(env)).reason()).isEqualTo("store unavailable for 5 min; no cache");
    }

    @Test
    void withSeveralEnvironmentsEachProblemNamesItsEnvironment() {
        Health h = HealthAssessment.assess(of(healthy("development"), stopped(healthy("staging"))));
        assertThat(h.level()).isEqualTo(Health.Level.DEGRADED);
        assertThat(h.reason()).isEqualTo("staging: stopped; SDK requests answered 503");
    }

    @Test
    void startingAndFailedRelays() {
        assertThat(Health.starting().level()).isEqualTo(Health.Level.STARTING);
        Health failed = Health.failed("the configuration is invalid: x");
        assertThat(failed.headline()).isEqualTo("Down");
        assertThat(failed.reason()).isEqualTo("the configuration is invalid: x");
    }
}
