package io.relayconsole.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.relayconsole.config.TlsConfig;
import java.io.File;
import java.util.List;
import javax.net.ssl.SSLException;

/** ld-relay's {@code tlsEnabled}/{@code tlsCert}/{@code tlsKey}/{@code tlsMinVersion}: TLS on the SDK port. */
final class TlsContexts {
    private TlsContexts() {
    }

    /** The server context, or null when TLS is off. Fails with a message naming the file it could not use. */
    static SslContext forServer(TlsConfig tls) {
        if (tls == null || !tls.enabled()) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(new File(tls.certFile()), new File(tls.keyFile()))
                    .protocols(protocols(tls.minVersion()))
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot use TLS certificate " + tls.certFile() + " with key "
                    + tls.keyFile() + " (PEM certificate and PKCS#8 PEM key expected): " + e.getMessage(), e);
        }
    }

    static List<String> protocols(String minVersion) {
        if (minVersion == null || minVersion.isBlank() || minVersion.startsWith("1.2")) {
            return List.of("TLSv1.3", "TLSv1.2");
        }
        if (minVersion.startsWith("1.3")) {
            return List.of("TLSv1.3");
        }
        throw new IllegalArgumentException("tlsMinVersion " + minVersion + " is not supported (use 1.2 or 1.3)");
    }
}
