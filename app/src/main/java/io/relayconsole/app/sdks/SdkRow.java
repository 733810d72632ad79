package io.relayconsole.app.sdks;

import io.relayconsole.serving.SdkConnectionInfo;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One connected SDK. What never changes for a connection is plain; the counters are properties updated in
 * place each tick, so the table keeps its selection and scroll position while numbers move.
 */
public final class SdkRow {
    private final long id;
    private final String environment;
    private final String address;
    private final UserAgent agent;
    private final String userAgent;
    private final String wrapper;
    private final SdkConnectionInfo.Mode mode;
    private final String contextKind;
    private final String context;
    private final Instant connectedSince;
    private final String searchText;
    private final ReadOnlyLongWrapper eventsSent = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper bytesSent = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Instant> lastActivity = new ReadOnlyObjectWrapper<>();

    public SdkRow(SdkConnectionInfo info) {
        this.id = info.id();
        this.environment = info.environment();
        this.address = info.remoteAddress();
        this.userAgent = info.userAgent() == null ? "" : info.userAgent();
        this.agent = UserAgent.parse(info.userAgent());
        this.wrapper = info.wrapper() == null ? "" : info.wrapper();
        this.mode = info.mode();
        this.contextKind = info.contextKind() == null ? "" : info.contextKind();
        this.context = info.context() == null ? "" : info.context();
        this.connectedSince = info.connectedSince();
        this.searchText = String.join(" ", environment, address, agent.sdk(), agent.version(), userAgent, wrapper,
                mode.name(), contextKind).toLowerCase(Locale.ROOT);
        update(info);
    }

    /** Takes the moving counters of the same connection. */
    void update(SdkConnectionInfo info) {
        eventsSent.set(info.eventsSent());
        bytesSent.set(info.bytesSent());
        lastActivity.set(info.lastActivity());
    }

    boolean mentions(String lowerCaseText) {
        return searchText.contains(lowerCaseText);
    }

    public long id() {
        return id;
    }

    public String environment() {
        return environment;
    }

    public String address() {
        return address;
    }

    public String sdk() {
        return agent.sdk();
    }

    public String version() {
        return agent.version();
    }

    public String userAgent() {
        return userAgent;
    }

    public String wrapper() {
        return wrapper;
    }

    /** A row made from answered polls rather than an open stream: nothing to disconnect. */
    public boolean isPoller() {
        return mode == SdkConnectionInfo.Mode.POLL;
    }

    public String mode() {
        return mode == SdkConnectionInfo.Mode.STREAM ? "stream" : "poll";
    }

    /** The evaluated context's kind ("user", "org+user") for client-side and mobile SDKs, else empty. */
    public String contextKind() {
        return contextKind;
    }

    /** The context's JSON, attributes included: shown only when the operator asks. Empty for server-side SDKs. */
    public String context() {
        return context;
    }

    public Instant connectedSince() {
        return connectedSince;
    }

    public ReadOnlyLongProperty eventsSentProperty() {
        return eventsSent.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesSentProperty() {
        return bytesSent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastActivityProperty() {
        return lastActivity.getReadOnlyProperty();
    }

    /** Short form for confirmations, e.g. "Java server SDK 7.13.0 at 127.0.0.1:51234 (development)". */
    public String describe() {
        return (sdk() + " " + version()).trim() + " at " + address + " (" + environment + ")";
    }
}
