package io.relayconsole.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/** {@code If-None-Match} and {@code Accept-Encoding} as the polling endpoints read them. */
final class ConditionalRequests {
    private ConditionalRequests() {
    }

    /** The tag sent with the gzip form: the same content, another representation. */
    static String gzipEtag(String etag) {
        return etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag + "-gzip";
    }

    /** True if the client already holds this content (either encoding), so a 304 suffices. */
    static boolean notModified(HttpRequest request, String etag) {
        String header = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        if (header == null) {
            return false;
        }
        String gzipTag = gzipEtag(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag) || tag.equals(gzipTag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code Accept-Encoding} lists gzip without {@code q=0}. */
    static boolean acceptsGzip(HttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING);
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim();
            if (!coding.equalsIgnoreCase("gzip") && !coding.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim().replace(" ", "");
                if (param.matches("(?i)q=0(\\.0*)?")) {
                    refused = true;
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }
}
