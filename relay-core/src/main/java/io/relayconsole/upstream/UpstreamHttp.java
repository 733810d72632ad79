package io.relayconsole.upstream;

import java.net.URI;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/** Where the data sources' HTTP clients start from. */
final class UpstreamHttp {
    private UpstreamHttp() {
    }

    /**
     * A client builder for {@code uri}. A plain-HTTP upstream (the built-in simulator, a local test service) gets
     * a cleartext-only client: OkHttp then never loads the platform's trust store and TLS classes, which an
     * {@code https} upstream needs and pays for.
     */
    static OkHttpClient.Builder clientFor(URI uri) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder;
    }
}
