package io.relayconsole.store.consul;

import io.relayconsole.store.StoreException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.kiwiproject.consul.ConsulException;

/** Turns consul-client failures into {@link StoreException}s that say what went wrong in words a user can act on. */
final class ConsulFailures {
    private ConsulFailures() {
    }

    static StoreException wrap(String action, ConsulStoreOptions options, RuntimeException e) {
        String where = "Consul at " + options.displayUrl();
        if (e instanceof ConsulException ce && ce.hasCode()) {
            String reason = answerText(ce);
            if (ce.getCode() == 403) {
                return new StoreException(where + " refused to " + action + " (HTTP 403 " + reason + "): "
                        + (options.aclToken() == null ? "an ACL token is required, none is configured"
                        : "check the configured ACL token and its key permissions on prefix " + options.prefix()), e);
            }
            return new StoreException(where + " failed to " + action + " (HTTP " + ce.getCode() + " " + reason + ")", e);
        }
        if (e instanceof ConsulException) {
            if (inChain(e, SocketTimeoutException.class)) {
                return new StoreException(where + " did not answer within " + options.requestTimeout().toMillis()
                        + " ms while trying to " + action, e);
            }
            if (inChain(e, ConnectException.class)) {
                return new StoreException(where + " is unreachable (connection refused) while trying to " + action, e);
            }
            if (inChain(e, UnknownHostException.class)) {
                return new StoreException(where + ": unknown host while trying to " + action, e);
            }
            return new StoreException(where + " could not be reached while trying to " + action + ": " + rootCause(e), e);
        }
        return new StoreException("Consul request to " + action + " failed: " + e.getMessage(), e);
    }

    /** The agent's answer text; consul-client puts it after the URL and status in its message. */
    private static String answerText(ConsulException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.lastIndexOf("]: ");
        String text = at >= 0 ? message.substring(at + 3) : message;
        return text.isBlank() ? "(no message)" : text.strip();
    }

    private static boolean inChain(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
