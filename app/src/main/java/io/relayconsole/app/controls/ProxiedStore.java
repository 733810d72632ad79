package io.relayconsole.app.controls;

import io.relayconsole.demo.FaultProxy;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.consul.ConsulDataStore;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.redis.RedisDataStore;
import io.relayconsole.store.redis.RedisNode;
import io.relayconsole.store.redis.RedisStoreOptions;
import io.relayconsole.store.redis.RedisTopology;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

/**
 * The current store's server, and how to reach the same backend (same prefix, table, credentials) through a
 * {@link FaultProxy} in front of it. Only a single server can sit behind one proxy: standalone Redis, a Consul
 * agent, or DynamoDB at an explicit endpoint.
 */
record ProxiedStore(String targetHost, int targetPort, Function<FaultProxy, DataStore> throughProxy) {

    /** @throws IllegalArgumentException saying why this store cannot be put behind a proxy */
    static ProxiedStore of(DataStore store) {
        if (store instanceof RedisDataStore redis) {
            RedisStoreOptions o = redis.options();
            if (o.topology() != RedisTopology.STANDALONE) {
                throw new IllegalArgumentException("Redis " + o.topology().name().toLowerCase()
                        + " has several servers; the fault proxy stands in front of one standalone Redis");
            }
            RedisNode node = o.nodes().get(0);
            return new ProxiedStore(node.host(), node.port(), proxy -> new RedisDataStore(RedisStoreOptions.builder()
                    .host(proxy.host()).port(proxy.port()).username(o.username()).password(o.password())
                    .database(o.database()).tls(o.tls()).prefix(o.prefix()).commandTimeout(o.commandTimeout())
                    .connectTimeout(o.connectTimeout()).transactionConnections(o.transactionConnections()).build()));
        }
        if (store instanceof ConsulDataStore consul) {
            URI url = consul.options().url();
            return new ProxiedStore(url.getHost(), port(url, 8500), proxy -> new ConsulDataStore(consul.options()
                    .toBuilder().url(via(url, proxy).toString()).build()));
        }
        if (store instanceof DynamoDbDataStore dynamo) {
            URI endpoint = dynamo.options().endpoint();
            if (endpoint == null) {
                throw new IllegalArgumentException("this DynamoDB store uses AWS itself; the fault proxy needs an "
                        + "explicit endpoint (e.g. DynamoDB Local)");
            }
            return new ProxiedStore(endpoint.getHost(), port(endpoint, 8000), proxy -> new DynamoDbDataStore(
                    dynamo.options().toBuilder().endpoint(via(endpoint, proxy)).build()));
        }
        throw new IllegalArgumentException("the store is " + store.description().label()
                + "; switch to Redis, Consul or DynamoDB (with an endpoint) first");
    }

    private static int port(URI uri, int defaultPort) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : defaultPort;
    }

    private static URI via(URI uri, FaultProxy proxy) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), proxy.host(), proxy.port(), uri.getPath(),
                    uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot point " + uri + " at the fault proxy", e);
        }
    }
}
