package io.relayconsole.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Posts one gzip-compressed payload to the flag service's events endpoint, blocking its (flusher) thread. */
final class EventSender {
    // One client for every environment: its selector thread is shared, and idle connections are reused.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;
    private final Duration timeout;

    EventSender(URI eventsUri, Duration timeout) {
        String uri = eventsUri.toString();
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        this.timeout = timeout;
    }

    /** The outcome of one attempt; {@code status} is 0 when no HTTP answer came. */
    record Result(int status, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** go-sdk-events' rule, which ld-relay uses: network errors, 5xx, 400, 408 and 429 are worth one retry. */
        boolean retryable() {
            return status == 0 || status >= 500 || status == 400 || status == 408 || status == 429;
        }
    }

    /** Posts {@code gzipped} (JSON, compressed once by the caller so its retry sends the same bytes). */
    Result post(String path, Map<String, String> headers, byte[] gzipped) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(status, status >= 200 && status < 300 ? null : "HTTP " + status + " from " + path);
        } catch (IOException e) {
            String what = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new Result(0, what + " (" + path + ")");
        }
    }

    /** What writes JSON to a stream (the compressor). */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** {@code json} gzip-compressed in memory. */
    static byte[] gzip(Content json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            json.writeTo(gz);
        } catch (IOException e) {
            throw new IllegalStateException("gzip to memory failed", e);
        }
        return out.toByteArray();
    }
}
