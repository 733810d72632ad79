package io.relayconsole.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson configuration of the engine, shared because factories and mappers are thread-safe. The relay's
 * own paths (upstream events, stored items, {@code /status}) use the streaming {@link #FACTORY} only; the mapper
 * is created on first use, so a headless relay never loads Jackson's data binding (a few hundred classes).
 */
public final class Json {
    public static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** For trees and data binding (simulator, console, tests). */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    /** A JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        return sb.append('"').toString();
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
