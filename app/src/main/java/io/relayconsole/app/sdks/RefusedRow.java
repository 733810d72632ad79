package io.relayconsole.app.sdks;

import io.relayconsole.serving.RequestRecord;
import java.time.Instant;
import java.util.Locale;

/** One refused SDK request, in words: who asked, what, the status and why. */
public record RefusedRow(Instant time, String environment, String address, String request, int status,
                         String reason, String sdk) {

    static RefusedRow of(RequestRecord r) {
        UserAgent agent = UserAgent.parse(r.userAgent());
        return new RefusedRow(r.time(), r.environment() == null ? "(no environment)" : r.environment(),
                r.remoteAddress(), r.method() + " " + r.path(), r.status(),
                r.reason() == null ? "HTTP " + r.status() : r.reason(), (agent.sdk() + " " + agent.version()).trim());
    }

    boolean mentions(String lowerCaseText) {
        return String.join(" ", environment, address, request, String.valueOf(status), reason, sdk)
                .toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
