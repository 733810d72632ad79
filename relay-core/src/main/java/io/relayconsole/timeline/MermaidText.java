package io.relayconsole.timeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text inside a Mermaid statement. Mermaid ends a statement at a newline or {@code ;}, starts entity codes with
 * {@code #} and comments with {@code %%}, and reads {@code <...>} as HTML, so those characters are written as
 * entity codes ({@code #59;}); anything from a flag key or an error message is safe to show.
 */
final class MermaidText {
    private static final Pattern ENTITY = Pattern.compile("#(\\d+|lt|gt|amp|quot);");

    private MermaidText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '#' -> sb.append("#35;");
                case ';' -> sb.append("#59;");
                case '%' -> sb.append("#37;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '\r', '\n', '\t' -> sb.append(' ');
                default -> sb.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return sb.toString().strip();
    }

    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String code = m.group(1);
            String replacement = switch (code) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> new String(Character.toChars(Integer.parseInt(code)));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
