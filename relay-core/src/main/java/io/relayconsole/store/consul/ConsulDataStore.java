package io.relayconsole.store.consul;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.MalformedDataException;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.kiwiproject.consul.Consul;
import org.kiwiproject.consul.KeyValueClient;
import org.kiwiproject.consul.model.ConsulResponse;
import org.kiwiproject.consul.model.kv.Operation;
import org.kiwiproject.consul.model.kv.TxResponse;
import org.kiwiproject.consul.model.kv.Value;
import org.kiwiproject.consul.model.kv.Verb;
import org.kiwiproject.consul.option.ImmutablePutOptions;
import org.kiwiproject.consul.option.PutOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw Consul store (no caching), in the layout LaunchDarkly SDKs read in daemon mode:
 * {@code {prefix}/features/{key}}, {@code {prefix}/segments/{key}} and {@code {prefix}/$inited}.
 * Init is not atomic (Consul transactions hold at most 64 operations), so it writes segments, then flags, then
 * removes stale keys, and sets {@code $inited} last. Upserts are optimistic: compare-and-set on the key's
 * ModifyIndex, retried when another writer got there first.
 */
public final class ConsulDataStore implements DataStore {
    private static final Logger log = LoggerFactory.getLogger(ConsulDataStore.class);
    /** Enough for heavy contention on one key; past this something else keeps rewriting it. */
    private static final int MAX_UPSERT_ATTEMPTS = 100;
    private static final PutOptions NO_OPTIONS = ImmutablePutOptions.builder().build();

    private final ConsulStoreOptions options;
    private final ConsulKeys keys;
    private final Consul consul;
    private final KeyValueClient kv;

    public ConsulDataStore(ConsulStoreOptions options) {
        this.options = options;
        this.keys = new ConsulKeys(options.prefix());
        Consul.Builder builder = Consul.builder()
                .withUrl(options.url().toString())
                .withConnectTimeoutMillis(options.connectTimeout().toMillis())
                .withReadTimeoutMillis(options.requestTimeout().toMillis())
                .withWriteTimeoutMillis(options.requestTimeout().toMillis())
                .withPing(false);
        if (options.aclToken() != null) {
            // A header, not withAclToken: that one appends ?token= to URLs, which then show up in error messages.
            builder.withTokenAuth(options.aclToken());
        }
        this.consul = builder.build();
        this.kv = consul.keyValueClient();
    }

    public ConsulStoreOptions options() {
        return options;
    }

    @Override
    public void init(FullDataSet data) {
        List<KvWrite> writes = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (DataKind kind : DataKind.values()) {
            for (Item item : data.get(kind).values()) {
                String key = keys.item(kind, item.key());
                if (item.json().length > TxnBatches.MAX_VALUE_BYTES) {
                    throw new StoreException(kind.namespace() + " item \"" + item.key() + "\" is " + item.json().length
                            + " bytes, over Consul's " + TxnBatches.MAX_VALUE_BYTES + "-byte value limit; nothing was written");
                }
                writes.add(KvWrite.set(key, item.json()));
                written.add(key);
            }
        }
        List<String> existing = call("list the keys under " + keys.environmentRoot(),
                () -> kv.getKeys(keys.environmentRoot()));
        for (String key : existing) {
            if (!written.contains(key) && !key.equals(keys.inited())) {
                writes.add(KvWrite.delete(key));
            }
        }
        writes.add(KvWrite.set(keys.inited(), new byte[0]));
        for (TxnBatches.Batch batch : TxnBatches.plan(writes)) {
            if (batch.single()) {
                KvWrite write = batch.writes().get(0);
                call("write " + write.key(), () -> kv.putValue(write.key(), write.value(), 0, NO_OPTIONS));
            } else {
                commit(batch.writes());
            }
        }
    }

    private void commit(List<KvWrite> writes) {
        Operation[] ops = new Operation[writes.size()];
        for (int i = 0; i < ops.length; i++) {
            KvWrite write = writes.get(i);
            if (write.isDelete()) {
                ops[i] = Operation.builder(Verb.DELETE).key(write.key()).build();
            } else if (write.value().length == 0) {
                ops[i] = Operation.builder(Verb.SET).key(write.key()).build();
            } else {
                ops[i] = Operation.builder(Verb.SET).key(write.key())
                        .value(new String(write.value(), StandardCharsets.UTF_8)).build();
            }
        }
        ConsulResponse<TxResponse> response = call("write a transaction of " + ops.length + " operations",
                () -> kv.performTransaction(ops));
        TxResponse body = response.getResponse();
        if (body != null && body.errors() != null && !body.errors().isEmpty()) {
            throw new StoreException("Consul at " + options.displayUrl() + " rejected a transaction: "
                    + body.errors().get(0).what().orElse("(no reason given)"));
        }
    }

    @Override
    public Item get(DataKind kind, String key) {
        String consulKey = keys.item(kind, key);
        Optional<Value> value = call("read " + consulKey, () -> kv.getValue(consulKey));
        return value.map(v -> parse(v, key)).orElse(null);
    }

    @Override
    public Map<String, Item> getAll(DataKind kind) {
        String root = keys.kindRoot(kind);
        List<Value> values = call("list " + root, () -> kv.getValues(root));
        Map<String, Item> items = new LinkedHashMap<>();
        for (Value value : values) {
            String itemKey = value.getKey().startsWith(root) ? value.getKey().substring(root.length()) : "";
            if (itemKey.isEmpty()) {
                continue; // the "folder" key itself, which some tools create
            }
            Item item = parse(value, itemKey);
            if (item != null) {
                items.put(itemKey, item);
            }
        }
        return Collections.unmodifiableMap(items);
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        String consulKey = keys.item(kind, item.key());
        if (item.json().length > TxnBatches.MAX_VALUE_BYTES) {
            throw new StoreException(kind.namespace() + " item \"" + item.key() + "\" is " + item.json().length
                    + " bytes, over Consul's " + TxnBatches.MAX_VALUE_BYTES + "-byte value limit");
        }
        for (int attempt = 0; attempt < MAX_UPSERT_ATTEMPTS; attempt++) {
            Optional<Value> current = call("read " + consulKey, () -> kv.getValue(consulKey));
            Item stored = current.map(v -> parse(v, item.key())).orElse(null);
            if (!item.isNewerThan(stored)) {
                return false;
            }
            // ModifyIndex 0 means "only if the key does not exist yet".
            long cas = current.map(Value::getModifyIndex).orElse(0L);
            PutOptions putOptions = ImmutablePutOptions.builder().cas(cas).build();
            boolean written = call("write " + consulKey, () -> kv.putValue(consulKey, item.json(), 0, putOptions));
            if (written) {
                return true;
            }
        }
        throw new StoreException("Consul at " + options.displayUrl() + ": gave up writing " + consulKey + " after "
                + MAX_UPSERT_ATTEMPTS + " attempts, each beaten by another writer");
    }

    @Override
    public boolean isInitialized() {
        return call("read " + keys.inited(), () -> kv.getValue(keys.inited())).isPresent();
    }

    @Override
    public boolean isAvailable() {
        try {
            kv.getValue(keys.inited()); // absent (404) is fine: the agent answered
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public StoreDescription description() {
        return new StoreDescription("consul", options.displayUrl(), options.prefix(), null);
    }

    @Override
    public void close() {
        consul.destroy();
    }

    @Override
    public String toString() {
        return "ConsulDataStore{" + options + "}";
    }

    /** A stored value as an item; an empty or unreadable value is logged and treated as absent, so a later write can repair it. */
    private Item parse(Value value, String itemKey) {
        Optional<byte[]> bytes = value.getValueAsBytes();
        if (bytes.isEmpty() || bytes.get().length == 0) {
            log.warn("Consul key {} has no value; ignoring it", value.getKey());
            return null;
        }
        try {
            return ItemParser.parseItem(bytes.get(), itemKey);
        } catch (MalformedDataException e) {
            log.warn("Consul key {} does not hold a valid item ({}); ignoring it", value.getKey(), e.getMessage());
            return null;
        }
    }

    private <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ConsulFailures.wrap(action, options, e);
        }
    }
}
