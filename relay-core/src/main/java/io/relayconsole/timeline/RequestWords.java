package io.relayconsole.timeline;

import java.util.regex.Pattern;

/**
 * How an SDK's request and the relay's answer are labelled, in the document's words where it has them
 * ("Streaming request /all", "Service Unavailable") and in the same style where it has none (event posts,
 * client-side evaluations). Labels stay short: a context in an evalx path is the detail, not the label.
 */
final class RequestWords {
    private static final Pattern EVENT_PATH = Pattern.compile(
            "/bulk|/diagnostic|/mobile(/events(/bulk|/diagnostic)?)?|/events/(bulk|diagnostic)/[^/]+");
    private static final Pattern EVALX = Pattern.compile("(/m?sdk/evalx)(/.*)?");

    private RequestWords() {
    }

    static boolean isStream(String path) {
        return "/all".equals(path) || "/flags".equals(path);
    }

    static boolean isEventPost(String path) {
        return path != null && EVENT_PATH.matcher(path).matches();
    }

    /** "Streaming request /all", "Send events /bulk", "Evaluation request /sdk/evalx", "Polling request /sdk/latest-all". */
    static String request(String path) {
        if (isStream(path)) {
            return "Streaming request " + path;
        }
        if (isEventPost(path)) {
            return "Send events " + path;
        }
        var evalx = path == null ? null : EVALX.matcher(path);
        if (evalx != null && evalx.matches()) {
            return "Evaluation request " + evalx.group(1);
        }
        return "Polling request " + path;
    }

    /** The answer to a request that was not refused. */
    static String response(String path, int status) {
        if (isStream(path)) {
            return "Streaming response";
        }
        if (status == 202) {
            return "Accepted";
        }
        return request(path).startsWith("Evaluation") ? "Flag values" : "Polling response";
    }

    static String statusPhrase(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }
}
