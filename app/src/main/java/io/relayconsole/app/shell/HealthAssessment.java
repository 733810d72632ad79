package io.relayconsole.app.shell;

import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.serving.Readiness;
import io.relayconsole.relay.RelaySnapshot;
import io.relayconsole.store.CacheFreshness;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a snapshot into the header's verdict. Down: no running environment answers SDKs. Degraded: something is
 * wrong somewhere (upstream not valid, store unavailable, an environment refusing or stopped). The reason names
 * each problem, e.g. "store unavailable for 42 s; cache expired; new SDK connections refused", prefixed with the
 * environment when more than one is configured.
 */
public final class HealthAssessment {

    private HealthAssessment() {
    }

    public static Health assess(RelaySnapshot snapshot) {
        Instant now = snapshot.time();
        List<String> reasons = new ArrayList<>();
        int running = 0;
        int serving = 0;
        boolean prefix = snapshot.environments().size() > 1;
        for (EnvironmentSnapshot env : snapshot.environments()) {
            if (env.running()) {
                running++;
                if (env.readiness() == Readiness.READY) {
                    serving++;
                }
            }
            List<String> problems = problems(env, now);
            if (!problems.isEmpty()) {
                reasons.add((prefix ? env.name() + ": " : "") + String.join("; ", problems));
            }
        }
        if (snapshot.environments().isEmpty()) {
            return new Health(Health.Level.DEGRADED, Health.Level.DEGRADED.word(), "no environments configured");
        }
        if (reasons.isEmpty()) {
            int sdks = snapshot.connections().size();
            return new Health(Health.Level.HEALTHY, Health.Level.HEALTHY.word(),
                    "serving " + plural(snapshot.environments().size(), "environment") + "; "
                            + plural(sdks, "SDK stream") + " connected");
        }
        Health.Level level = serving == 0 ? Health.Level.DOWN : Health.Level.DEGRADED;
        return new Health(level, level.word(), String.join(" · ", reasons));
    }

    /** One environment's problems, most important first; empty when it is healthy. */
    static List<String> problems(EnvironmentSnapshot env, Instant now) {
        List<String> problems = new ArrayList<>();
        if (!env.running()) {
            problems.add("stopped; SDK requests answered 503");
            return problems;
        }
        StoreStatus store = env.storeStatus();
        if (store != null && !store.available()) {
            problems.add("store unavailable for " + seconds(store.since(), now));
            CacheFreshness cache = env.cache();
            if (cache != null) {
                problems.add(cacheWords(cache));
            }
        }
        upstreamProblem(env.dataSource(), now, problems);
        switch (env.readiness()) {
            case NOT_READY -> problems.add("new SDK connections refused (503)");
            case REJECTED -> problems.add("SDK key rejected upstream; SDKs get 401");
            case READY -> { }
        }
        return problems;
    }

    private static void upstreamProblem(DataSourceStatus ds, Instant now, List<String> problems) {
        String error = ds.lastError() == null ? "" : " (" + ds.lastError().message() + ")";
        switch (ds.state()) {
            case VALID -> { }
            case INITIALIZING -> problems.add("waiting for upstream for " + seconds(ds.stateSince(), now) + error);
            case INTERRUPTED -> problems.add("upstream interrupted for " + seconds(ds.stateSince(), now) + error);
            case OFF -> problems.add("upstream off" + error);
        }
    }

    private static String cacheWords(CacheFreshness cache) {
        if (cache.cachingDisabled()) {
            return "no cache";
        }
        if (cache.forever()) {
            return "serving from cache (kept forever)";
        }
        if (cache.fresh()) {
            long left = cache.ttl().minus(cache.age()).toSeconds();
            return "serving from cache, expires in " + left + " s";
        }
        return cache.age() == null ? "nothing cached" : "cache expired";
    }

    static String seconds(Instant since, Instant now) {
        if (since == null) {
            return "a while";
        }
        long s = Math.max(0, Duration.between(since, now).toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
