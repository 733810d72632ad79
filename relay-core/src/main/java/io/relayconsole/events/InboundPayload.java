package io.relayconsole.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One payload an SDK posted, checked and parsed: an array of event objects, or one diagnostic object. Bad input
 * is refused with the status an SDK developer can act on, never half-taken.
 */
final class InboundPayload {
    /** Without {@code maxInboundPayloadSize}, a gzip body still may not inflate beyond this (a gzip bomb). */
    static final long MAX_INFLATED_BYTES = 16L * 1024 * 1024;

    final JsonNode json;
    final int schema;
    final PayloadSummary summary;

    private InboundPayload(JsonNode json, int schema, PayloadSummary summary) {
        this.json = json;
        this.schema = schema;
        this.summary = summary;
    }

    /** A refusal: the HTTP status and the message the SDK gets. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * @param maxBytes        {@code maxInboundPayloadSize}, applied to the body as sent and once inflated; 0 = none
     * @param refuseOldSchema refuse what would need summarizing (schema below 3, or marked unsummarized)
     */
    static InboundPayload decode(EventKind kind, byte[] body, EventHeaders headers, long maxBytes,
                                 boolean refuseOldSchema) throws Refused {
        String contentType = headers.get(EventHeaders.CONTENT_TYPE);
        if (contentType != null && !isJson(contentType)) {
            throw new Refused(415, "Content-Type must be application/json, not " + contentType);
        }
        if (body == null || body.length == 0) {
            throw new Refused(400, "body may not be empty"); // ld-relay's words
        }
        if (maxBytes > 0 && body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String encoding = headers.get(EventHeaders.CONTENT_ENCODING);
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            body = gunzip(body, maxBytes > 0 ? maxBytes : MAX_INFLATED_BYTES);
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            // The original message and location only: never an excerpt of the payload (context attributes).
            throw new Refused(400, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Refused(400, "unreadable body: " + e.getMessage());
        }
        if (json == null || json.isMissingNode()) {
            throw new Refused(400, "body may not be empty");
        }
        int schema = headers.schema();
        if (kind.isDiagnostic()) {
            if (!json.isObject()) {
                throw new Refused(400, "a diagnostic payload must be a JSON object");
            }
            return new InboundPayload(json, schema, PayloadSummary.ofDiagnostic(json));
        }
        if (!json.isArray()) {
            throw new Refused(400, "an events payload must be a JSON array of events");
        }
        for (JsonNode event : json) {
            if (!event.isObject()) {
                throw new Refused(400, "an events payload must be a JSON array of event objects");
            }
        }
        if (refuseOldSchema && (schema < 3 || headers.get(EventHeaders.UNSUMMARIZED) != null)) {
            throw new Refused(400, "unsummarized events (event schema " + schema
                    + ", as older and PHP SDKs send) are not supported by this relay; send them to LaunchDarkly"
                    + " directly or use an SDK that sends schema 3 or later");
        }
        return new InboundPayload(json, schema, PayloadSummary.ofEvents(json));
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.isEmpty();
    }

    private static byte[] gunzip(byte[] body, long limit) throws Refused {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (inflated.length > limit) {
                throw tooLarge(limit);
            }
            return inflated;
        } catch (IOException e) {
            throw new Refused(400, "Content-Encoding is gzip but the body is not valid gzip: " + e.getMessage());
        }
    }

    private static Refused tooLarge(long limit) {
        return new Refused(413, "payload larger than " + limit + " bytes (maxInboundPayloadSize)");
    }
}
