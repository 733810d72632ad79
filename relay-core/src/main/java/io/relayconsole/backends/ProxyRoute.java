package io.relayconsole.backends;

import io.relayconsole.store.DataStore;
import io.relayconsole.store.consul.ConsulDataStore;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.redis.RedisDataStore;
import io.relayconsole.store.redis.RedisNode;
import io.relayconsole.store.redis.RedisStoreOptions;
import io.relayconsole.store.redis.RedisTopology;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A store's single server, and how to reach the same backend (same prefix, table, credentials) through another
 * address standing in front of it, such as the demo's fault proxy. Only a single server can be: standalone Redis, a
 * Consul agent, or DynamoDB at an explicit endpoint.
 */
public final class ProxyRoute {
    private final String targetHost;
    private final int targetPort;
    private final Via via;

    private interface Via {
        DataStore at(String host, int port);
    }

    private ProxyRoute(String targetHost, int targetPort, Via via) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.via = via;
    }

    /** @throws IllegalArgumentException saying why this store cannot be reached through a proxy */
    public static ProxyRoute of(DataStore store) {
        if (store instanceof RedisDataStore redis) {
            RedisStoreOptions o = redis.options();
            if (o.topology() != RedisTopology.STANDALONE) {
                throw new IllegalArgumentException("Redis " + o.topology().name().toLowerCase(Locale.ROOT)
                        + " has several servers; the fault proxy stands in front of one standalone Redis");
            }
            RedisNode node = o.nodes().get(0);
            return new ProxyRoute(node.host(), node.port(), (host, port) -> new RedisDataStore(RedisStoreOptions
                    .builder().host(host).port(port).username(o.username()).password(o.password())
                    .database(o.database()).tls(o.tls()).prefix(o.prefix()).commandTimeout(o.commandTimeout())
                    .connectTimeout(o.connectTimeout()).transactionConnections(o.transactionConnections()).build()));
        }
        if (store instanceof ConsulDataStore consul) {
            URI url = consul.options().url();
            return new ProxyRoute(url.getHost(), port(url, StoreBackends.CONSUL_DEFAULT_PORT), (host, port) ->
                    new ConsulDataStore(consul.options().toBuilder().url(via(url, host, port).toString()).build()));
        }
        if (store instanceof DynamoDbDataStore dynamo) {
            URI endpoint = dynamo.options().endpoint();
            if (endpoint == null) {
                throw new IllegalArgumentException("this DynamoDB store uses AWS itself; the fault proxy needs an "
                        + "explicit endpoint (e.g. a local DynamoDB-compatible server)");
            }
            return new ProxyRoute(endpoint.getHost(), port(endpoint, 8000), (host, port) -> new DynamoDbDataStore(
                    dynamo.options().toBuilder().endpoint(via(endpoint, host, port)).build()));
        }
        throw new IllegalArgumentException("the store is " + store.description().label()
                + "; switch to Redis, Consul or DynamoDB (with an endpoint) first");
    }

    public String targetHost() {
        return targetHost;
    }

    public int targetPort() {
        return targetPort;
    }

    /** The same backend, reached at {@code host}:{@code port} instead. */
    public DataStore through(String host, int port) {
        return via.at(host, port);
    }

    private static int port(URI uri, int defaultPort) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : defaultPort;
    }

    private static URI via(URI uri, String host, int port) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), host, port, uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot point " + uri + " at " + host + ":" + port, e);
        }
    }
}
