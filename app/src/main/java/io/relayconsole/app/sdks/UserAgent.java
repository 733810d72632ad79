package io.relayconsole.app.sdks;

import java.util.Map;

/**
 * The SDK name and version from a User-Agent header: the first {@code product/version} token, e.g.
 * {@code JavaClient/7.13.0} becomes "Java server SDK" 7.13.0. LaunchDarkly's own SDK tokens get readable names;
 * anything else keeps its product name. No header means "unknown".
 */
public record UserAgent(String sdk, String version) {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("JavaClient", "Java server SDK"),
            Map.entry("NodeJSClient", "Node.js server SDK"),
            Map.entry("PythonClient", "Python server SDK"),
            Map.entry("GoClient", "Go server SDK"),
            Map.entry("RubyClient", "Ruby server SDK"),
            Map.entry("DotNetClient", ".NET server SDK"),
            Map.entry("PHPClient", "PHP server SDK"),
            Map.entry("ErlangClient", "Erlang server SDK"),
            Map.entry("RustClient", "Rust server SDK"),
            Map.entry("CppClient", "C++ server SDK"),
            Map.entry("LDRelay", "Relay Proxy"),
            // Client-side and mobile SDKs (browsers send theirs in X-LaunchDarkly-User-Agent, which the relay reads).
            Map.entry("JSClient", "JavaScript browser SDK"),
            Map.entry("ReactNativeClient", "React Native SDK"),
            Map.entry("AndroidClient", "Android SDK"),
            Map.entry("iOS", "iOS SDK"),
            Map.entry("FlutterClient", "Flutter SDK"));

    public static UserAgent parse(String header) {
        if (header == null || header.isBlank()) {
            return new UserAgent("unknown", "");
        }
        String first = header.trim().split("\\s+", 2)[0];
        int slash = first.indexOf('/');
        if (slash <= 0) {
            return new UserAgent(first, "");
        }
        String product = first.substring(0, slash);
        String version = first.substring(slash + 1);
        return new UserAgent(KNOWN.getOrDefault(product, product), version);
    }
}
