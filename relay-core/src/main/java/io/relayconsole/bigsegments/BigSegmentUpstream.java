package io.relayconsole.bigsegments;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamEvent;
import com.launchdarkly.eventsource.StreamException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The two upstream endpoints of big segments, with the environment's SDK key: {@code GET
 * {baseUri}/sdk/big-segments/revisions?after=CURSOR} and the SSE stream {@code GET {streamUri}/big-segments}, whose
 * events are read by their data only (a JSON array of patches), whatever their name, as ld-relay does.
 */
final class BigSegmentUpstream implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final URI baseUri;
    private final URI streamUri;
    private final String sdkKey;
    private final String userAgent;
    private final OkHttpClient http;
    private volatile EventSource stream;

    BigSegmentUpstream(URI baseUri, URI streamUri, String sdkKey, String userAgent) {
        this.baseUri = baseUri;
        this.streamUri = streamUri;
        this.sdkKey = sdkKey;
        this.userAgent = userAgent;
        this.http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(1, 30, TimeUnit.SECONDS))
                .connectTimeout(CONNECT_TIMEOUT).readTimeout(READ_TIMEOUT).retryOnConnectionFailure(false).build();
    }

    /**
     * The patches after {@code cursor} (all of them when null), read as they arrive: closing the parser closes the
     * response.
     */
    PatchParser revisionsAfter(String cursor) throws IOException {
        HttpUrl.Builder url = HttpUrl.get(join(baseUri, "/sdk/big-segments/revisions")).newBuilder();
        if (cursor != null && !cursor.isEmpty()) {
            url.addQueryParameter("after", cursor);
        }
        Request request = new Request.Builder().url(url.build()).header("Authorization", sdkKey)
                .header("User-Agent", userAgent).build();
        Response response = http.newCall(request).execute();
        try {
            if (!response.isSuccessful()) {
                throw new IOException("GET /sdk/big-segments/revisions answered HTTP " + response.code());
            }
            ResponseBody body = response.body();
            return PatchParser.of(body.byteStream(), response);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    /** Connects the stream; blocks until it is open. */
    void openStream() throws StreamException {
        ConnectStrategy connect = ConnectStrategy.http(URI.create(join(streamUri, "/big-segments"))).httpClient(http)
                .header("Authorization", sdkKey).header("User-Agent", userAgent);
        EventSource es = new EventSource.Builder(connect).streamEventData(false).build();
        stream = es;
        es.start();
    }

    /** The next batch on the stream; blocks until one arrives. Comments and other events are skipped. */
    PatchParser nextStreamedBatch() throws StreamException {
        EventSource es = stream;
        if (es == null) {
            throw new IllegalStateException("the stream is not open");
        }
        while (true) {
            StreamEvent event = es.readAnyEvent();
            if (event instanceof MessageEvent message) {
                return PatchParser.of(message.getData().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Drops the stream; a thread blocked in {@link #nextStreamedBatch()} gets an exception. */
    void closeStream() {
        EventSource es = stream;
        stream = null;
        if (es != null) {
            es.interrupt();
            es.close();
        }
    }

    @Override
    public void close() {
        closeStream();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static String join(URI base, String path) {
        String b = base.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }
}
