package io.relayconsole.config;

/**
 * TLS for the SDK-facing server: {@code [Main] tlsEnabled/tlsCert/tlsKey/tlsMinVersion}. Cert and key are file
 * paths (PEM), required when enabled; {@code minVersion} is null or one of {@code 1.0}..{@code 1.3}.
 */
public record TlsConfig(boolean enabled, String certFile, String keyFile, String minVersion) {

    public static TlsConfig disabled() {
        return new TlsConfig(false, null, null, null);
    }
}
