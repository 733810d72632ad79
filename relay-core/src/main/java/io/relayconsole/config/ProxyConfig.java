package io.relayconsole.config;

import java.net.URI;
import java.util.List;

/** The {@code [Proxy]} section: an outbound HTTP proxy for upstream connections. {@code url} null = none. */
public record ProxyConfig(URI url, String user, String password, String domain, boolean ntlmAuth,
                          List<String> caCertFiles) {

    public ProxyConfig {
        caCertFiles = caCertFiles == null ? List.of() : List.copyOf(caCertFiles);
    }

    public static ProxyConfig none() {
        return new ProxyConfig(null, null, null, null, false, List.of());
    }

    @Override
    public String toString() {
        return "ProxyConfig{url=" + (url == null ? null : Secrets.maskUriCredentials(url)) + ", user=" + user
                + ", password=" + Secrets.maskPassword(password) + ", domain=" + domain + ", ntlmAuth=" + ntlmAuth
                + ", caCertFiles=" + caCertFiles + "}";
    }
}
