package io.relayconsole.config;

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
}
