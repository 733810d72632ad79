package io.relayconsole.testing;

import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What an SDK gets when it opens {@code /all}: the HTTP status, and for a 200 the data of the first {@code put}.
 * A plain socket client, so a refusal (503) is seen exactly as an SDK sees it, without its retries.
 */
public final class StreamProbe {
    private StreamProbe() {
    }

    /** The outcome: the status and, when served, the data set of the put event. */
    public record Result(int status, FullDataSet data) {
        public boolean served() {
            return status == 200 && data != null;
        }
    }

    public static Result connect(int port, String sdkKey) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /all HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + sdkKey
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            if (status != 200) {
                return new Result(status, null);
            }
            boolean putNext = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("event: put")) {
                    putNext = true;
                } else if (putNext && line.startsWith("data:")) {
                    JsonNode put = Json.mapper().readTree(line.substring(5).trim());
                    byte[] data = Json.mapper().writeValueAsBytes(put.get("data"));
                    return new Result(200, ItemParser.parseDataSet(data));
                }
            }
            return new Result(200, null);
        } catch (java.net.SocketTimeoutException e) {
            return new Result(200, null); // connected but silent: no data to serve yet
        } catch (io.relayconsole.model.MalformedDataException e) {
            throw new IOException("the relay sent a malformed put: " + e.getMessage(), e);
        }
    }
}
