package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.relayconsole.config.RawSettings.RawSection;
import io.relayconsole.config.RawSettings.SectionRef;

/**
 * Builds the configuration records from converted settings, applying ld-relay's defaults and normalizations.
 * Rules that span several settings live in {@link ConfigRules} and {@link DatabaseSettings}.
 */
final class ConfigAssembler {
    private static final URI OLD_DEFAULT_BASE_URI = URI.create("https://app.launchdarkly.com");
    private static final SectionRef MAIN = SectionRef.of(ConfigSection.MAIN);

    private final TypedSettings settings;

    ConfigAssembler(TypedSettings settings) {
        this.settings = settings;
    }

    RelayConfig assemble(Optional<DatabaseConfig> database) {
        return new RelayConfig(main(), events(), environments(), database, simulator(), proxy(), metrics(),
                filters(), offline());
    }

    MainConfig main() {
        URI baseUri = settings.get(MAIN, "baseUri", MainConfig.DEFAULT_BASE_URI);
        if (sameUri(baseUri, OLD_DEFAULT_BASE_URI)) {
            baseUri = MainConfig.DEFAULT_BASE_URI; // ld-relay quietly moves the old default to the new one
        }
        // Client-side requests follow a custom base URI (e.g. a private LaunchDarkly instance) unless told otherwise.
        URI clientSideDefault = sameUri(baseUri, MainConfig.DEFAULT_BASE_URI)
                ? MainConfig.DEFAULT_CLIENT_SIDE_BASE_URI : baseUri;
        TlsConfig tls = new TlsConfig(settings.bool(MAIN, "tlsEnabled"), settings.string(MAIN, "tlsCert"),
                settings.string(MAIN, "tlsKey"), settings.string(MAIN, "tlsMinVersion"));
        return new MainConfig(
                settings.get(MAIN, "streamUri", MainConfig.DEFAULT_STREAM_URI),
                baseUri,
                settings.get(MAIN, "port", MainConfig.DEFAULT_PORT),
                settings.get(MAIN, "initTimeout", MainConfig.DEFAULT_INIT_TIMEOUT),
                settings.get(MAIN, "heartbeatInterval", MainConfig.DEFAULT_HEARTBEAT_INTERVAL),
                settings.get(MAIN, "maxClientConnectionTime", null),
                settings.get(MAIN, "disconnectedStatusTime", MainConfig.DEFAULT_DISCONNECTED_STATUS_TIME),
                settings.get(MAIN, "logLevel", "info"),
                settings.bool(MAIN, "exitOnError"),
                settings.bool(MAIN, "exitAlways"),
                settings.bool(MAIN, "ignoreConnectionErrors"),
                settings.get(MAIN, "upstreamMode", MainConfig.UpstreamMode.STREAMING),
                settings.get(MAIN, "pollInterval", MainConfig.DEFAULT_POLL_INTERVAL),
                settings.get(MAIN, "clientSideBaseUri", clientSideDefault),
                tls,
                settings.bool(MAIN, "bigSegmentsStaleAsDegraded"),
                settings.get(MAIN, "bigSegmentsStaleThreshold", MainConfig.DEFAULT_BIG_SEGMENTS_STALE_THRESHOLD),
                settings.get(MAIN, "expiredCredentialCleanupInterval",
                        MainConfig.DEFAULT_EXPIRED_CREDENTIAL_CLEANUP_INTERVAL),
                limits());
    }

    ConnectionLimitsConfig limits() {
        return new ConnectionLimitsConfig(
                settings.get(MAIN, "requestHeaderTimeout", ConnectionLimitsConfig.DEFAULT_REQUEST_HEADER_TIMEOUT),
                settings.get(MAIN, "idleConnectionTimeout", ConnectionLimitsConfig.DEFAULT_IDLE_CONNECTION_TIMEOUT),
                settings.get(MAIN, "maxConnections", 0),
                settings.bool(MAIN, "exitOnNoData"));
    }

    EventsConfig events() {
        SectionRef ref = SectionRef.of(ConfigSection.EVENTS);
        EventsConfig d = EventsConfig.defaults();
        return new EventsConfig(settings.bool(ref, "sendEvents"),
                settings.get(ref, "eventsUri", d.eventsUri()),
                settings.get(ref, "flushInterval", d.flushInterval()),
                settings.get(ref, "capacity", d.capacity()),
                settings.bool(ref, "inlineUsers"),
                settings.get(ref, "maxInboundPayloadSize", d.maxInboundPayloadSize()));
    }

    List<EnvironmentConfig> environments() {
        List<EnvironmentConfig> result = new ArrayList<>();
        for (RawSection section : settings.sectionsOf(ConfigSection.ENVIRONMENT)) {
            SectionRef ref = section.ref;
            result.add(new EnvironmentConfig(ref.name(),
                    settings.string(ref, "sdkKey"),
                    settings.string(ref, "mobileKey"),
                    settings.string(ref, "envId"),
                    settings.string(ref, "prefix"),
                    settings.string(ref, "tableName"),
                    settings.list(ref, "allowedOrigin"),
                    settings.list(ref, "allowedHeader"),
                    settings.bool(ref, "secureMode"),
                    settings.string(ref, "logLevel"),
                    settings.get(ref, "ttl", Duration.ZERO),
                    settings.string(ref, "projKey")));
        }
        return result;
    }

    SimulatorConfig simulator() {
        SectionRef ref = SectionRef.of(ConfigSection.SIMULATOR);
        return new SimulatorConfig(settings.bool(ref, "enabled"), settings.get(ref, "port", 0),
                !settings.isSet(MAIN, "streamUri"), !settings.isSet(MAIN, "baseUri"),
                !settings.isSet(SectionRef.of(ConfigSection.EVENTS), "eventsUri"), settings.string(ref, "workspace"));
    }

    OfflineConfig offline() {
        SectionRef ref = SectionRef.of(ConfigSection.OFFLINE_MODE);
        return new OfflineConfig(settings.string(ref, "fileDataSource"),
                settings.get(ref, "fileDataSourceMonitoringInterval", null));
    }

    ProxyConfig proxy() {
        SectionRef ref = SectionRef.of(ConfigSection.PROXY);
        return new ProxyConfig(settings.get(ref, "url", null), settings.string(ref, "user"),
                settings.string(ref, "password"), settings.string(ref, "domain"), settings.bool(ref, "ntlmAuth"),
                settings.list(ref, "caCertFiles"));
    }

    MetricsConfig metrics() {
        SectionRef prometheus = SectionRef.of(ConfigSection.PROMETHEUS);
        SectionRef datadog = SectionRef.of(ConfigSection.DATADOG);
        SectionRef stackdriver = SectionRef.of(ConfigSection.STACKDRIVER);
        return new MetricsConfig(
                new MetricsConfig.Prometheus(settings.bool(prometheus, "enabled"),
                        settings.get(prometheus, "port", MetricsConfig.DEFAULT_PROMETHEUS_PORT),
                        settings.string(prometheus, "prefix")),
                new MetricsConfig.Datadog(settings.bool(datadog, "enabled"), settings.string(datadog, "statsAddr"),
                        settings.string(datadog, "traceAddr"), settings.list(datadog, "tag"),
                        settings.string(datadog, "prefix")),
                new MetricsConfig.Stackdriver(settings.bool(stackdriver, "enabled"),
                        settings.string(stackdriver, "projectID"), settings.string(stackdriver, "prefix")));
    }

    List<FilterConfig> filters() {
        List<FilterConfig> result = new ArrayList<>();
        for (RawSection section : settings.sectionsOf(ConfigSection.FILTERS)) {
            result.add(new FilterConfig(section.ref.name(), settings.list(section.ref, "keys")));
        }
        return result;
    }

    private static boolean sameUri(URI a, URI b) {
        return stripSlash(a.toString()).equalsIgnoreCase(stripSlash(b.toString()));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
