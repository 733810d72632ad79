package io.relayconsole.server;

import io.relayconsole.evaluation.EnvironmentEvaluator;
import io.relayconsole.metrics.SdkMeters;
import io.relayconsole.serving.ServedEnvironment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link EnvironmentEvaluator} per environment, made on the first evaluation request, closed with the server. */
final class Evaluators implements AutoCloseable {
    private final Map<String, EnvironmentEvaluator> byEnvironment = new ConcurrentHashMap<>();
    private final SdkMeters meters;

    Evaluators(SdkMeters meters) {
        this.meters = meters;
    }

    EnvironmentEvaluator forEnvironment(ServedEnvironment env) {
        return byEnvironment.computeIfAbsent(env.name(), name -> {
            EnvironmentEvaluator evaluator = new EnvironmentEvaluator(env.config().sdkKey(), env.bigSegments());
            meters.clientEvaluations(name, evaluator, EnvironmentEvaluator::evaluations);
            return evaluator;
        });
    }

    @Override
    public void close() {
        byEnvironment.values().forEach(EnvironmentEvaluator::close);
        byEnvironment.clear();
    }
}
