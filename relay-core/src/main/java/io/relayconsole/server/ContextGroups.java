package io.relayconsole.server;

import com.launchdarkly.sdk.LDContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.relayconsole.evaluation.EnvironmentEvaluator;
import io.relayconsole.evaluation.EvaluatedFlags;
import io.relayconsole.evaluation.SdkKind;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.serving.UpdateListener;
import io.relayconsole.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One environment's evaluated client streams, grouped by what they evaluate (context, SDK kind, reasons): after a
 * change each group is evaluated once and its {@code patch}/{@code delete} events are encoded once and fanned out to
 * all its streams, so 10,000 browsers on one context cost one evaluation. The groups are owned by one thread (the
 * environment's evaluation thread): opening, closing and re-evaluating never race, and the data source's thread only
 * marks the environment changed.
 */
final class ContextGroups implements UpdateListener {
    private static final Logger LOG = LoggerFactory.getLogger(ContextGroups.class);

    private final ServedEnvironment env;
    private final EnvironmentEvaluator evaluator;
    private final ExecutorService thread;
    private final Map<GroupKey, Group> groups = new HashMap<>(); // evaluation thread only
    private final Set<SdkStream> pingStreams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final Map<String, Item> pendingFlags = new ConcurrentHashMap<>();

    /** What a stream evaluates: streams with equal keys share every evaluation. */
    record GroupKey(LDContext context, SdkKind kind, boolean withReasons) {
    }

    private static final class Group {
        final List<SdkStream> streams = new ArrayList<>();
        EvaluatedFlags flags;
        SharedBytes put;
    }

    ContextGroups(ServedEnvironment env, EnvironmentEvaluator evaluator, ExecutorService thread) {
        this.env = env;
        this.evaluator = evaluator;
        this.thread = thread;
    }

    /** Adds an evaluated stream; {@code start} gets its initial {@code put} on the evaluation thread. */
    void addEvaluated(SdkStream stream, GroupKey key, FullDataSet data, Consumer<SharedBytes> start) {
        run(() -> {
            Group group = groups.computeIfAbsent(key, k -> new Group());
            if (group.flags == null) {
                group.flags = evaluator.evaluate(data, key.context(), key.kind(), key.withReasons());
            }
            if (group.put == null) {
                group.put = SharedBytes.of(SseFrames.frame("put", group.flags.toJson()));
            }
            group.streams.add(stream);
            start.accept(group.put);
        });
    }

    void removeEvaluated(SdkStream stream, GroupKey key) {
        run(() -> {
            Group group = groups.get(key);
            if (group != null && group.streams.remove(stream) && group.streams.isEmpty()) {
                groups.remove(key);
            }
        });
    }

    void addPing(SdkStream stream) {
        pingStreams.add(stream);
    }

    void removePing(SdkStream stream) {
        pingStreams.remove(stream);
    }

    int groupCount() {
        return groups.size();
    }

    @Override
    public void onFullData(FullDataSet data) {
        markChanged();
    }

    @Override
    public void onItem(DataKind kind, Item item) {
        if (kind == DataKind.FEATURES) {
            pendingFlags.merge(item.key(), item, (a, b) -> b.isNewerThan(a) ? b : a);
        }
        markChanged();
    }

    /** Coalesces changes: however many arrive while an evaluation runs, one more follows. */
    private void markChanged() {
        if (!changed.getAndSet(true)) {
            run(this::reevaluate);
        }
    }

    private void reevaluate() {
        changed.set(false);
        if (!pingStreams.isEmpty()) {
            ByteBuf ping = Unpooled.wrappedBuffer(SseFrames.PING);
            LoopFanOut.deliver(pingStreams, s -> ping.retainedDuplicate(), true, null);
            ping.release();
        }
        if (groups.isEmpty()) {
            pendingFlags.clear();
            return;
        }
        FullDataSet data;
        try {
            data = withPending(env.currentData());
        } catch (StoreException e) {
            LOG.warn("Client streams of {} keep their values: the store cannot be read ({})", env.name(),
                    e.getMessage());
            return;
        }
        for (Map.Entry<GroupKey, Group> entry : groups.entrySet()) {
            GroupKey key = entry.getKey();
            Group group = entry.getValue();
            try {
                EvaluatedFlags fresh = evaluator.evaluate(data, key.context(), key.kind(), key.withReasons());
                byte[] events = changes(group.flags, fresh, data);
                group.flags = fresh;
                group.put = null;
                if (events.length > 0) {
                    ByteBuf buf = Unpooled.wrappedBuffer(events);
                    LoopFanOut.deliver(group.streams, s -> buf.retainedDuplicate(), true, null);
                    buf.release();
                }
            } catch (RuntimeException e) {
                LOG.error("Evaluating a client stream group of {} failed; its streams keep their values", env.name(),
                        e);
            }
        }
    }

    /** The store's data with any flag change it refused (a change is sent to SDKs even then, as on /all). */
    private FullDataSet withPending(FullDataSet data) {
        FullDataSet result = data;
        for (Item item : pendingFlags.values()) {
            if (item.isNewerThan(result.flags().get(item.key()))) {
                result = result.with(DataKind.FEATURES, item);
            }
            pendingFlags.remove(item.key(), item);
        }
        return result;
    }

    /** {@code patch} for each flag whose evaluation changed, {@code delete} for each flag no longer visible. */
    private static byte[] changes(EvaluatedFlags before, EvaluatedFlags after, FullDataSet data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, ObjectNode> old = before == null ? Map.of() : before.flags();
        for (Map.Entry<String, ObjectNode> e : after.flags().entrySet()) {
            if (!e.getValue().equals(old.get(e.getKey()))) {
                out.writeBytes(SseFrames.frame("patch", after.patch(e.getKey())));
            }
        }
        for (Map.Entry<String, ObjectNode> e : old.entrySet()) {
            if (!after.flags().containsKey(e.getKey())) {
                Item gone = data.flags().get(e.getKey());
                long version = gone != null ? gone.version() : e.getValue().path("version").asLong() + 1;
                Map<String, Object> delete = new LinkedHashMap<>();
                delete.put("key", e.getKey());
                delete.put("version", version);
                out.writeBytes(SseFrames.frame("delete", json(delete)));
            }
        }
        return out.toByteArray();
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Client stream task of {} failed", env.name(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Server closing: client stream task of {} dropped", env.name());
        }
    }
}
