package io.relayconsole.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Masks credentials wherever they are shown: logs, {@code /status}, the console. */
public final class Secrets {
    private static final int VISIBLE_TAIL = 5;

    private Secrets() {
    }

    /**
     * ld-relay's rule: keep a three-letter {@code xxx-} prefix and the last five characters; every other
     * letter or digit becomes {@code *}, separators stay, so the shape of the key remains recognizable.
     */
    public static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return key;
        }
        int start = key.length() > 4 && key.charAt(3) == '-' ? 4 : 0;
        int tail = Math.max(start, key.length() - VISIBLE_TAIL);
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sb.append(i >= start && i < tail && Character.isLetterOrDigit(c) ? '*' : c);
        }
        return sb.toString();
    }

    /** Passwords and tokens show nothing of themselves, not even their length; null stays null (unset). */
    public static String maskPassword(String password) {
        return password == null ? null : "********";
    }

    /** A URL with any password in its user-info part (e.g. {@code redis://:secret@host}) masked. */
    public static String maskUriCredentials(URI uri) {
        if (uri == null || uri.getRawUserInfo() == null) {
            return String.valueOf(uri);
        }
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String masked = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":" + maskPassword("x");
        try {
            return new URI(uri.getScheme(), masked, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + maskPassword("x") + "@" + uri.getHost();
        }
    }
}
