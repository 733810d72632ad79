package io.relayconsole.app.overview;

/** One topology node's state in words: a level (for colour and icon), the state and a detail line. */
public record NodeStatus(Level level, String state, String detail) {

    public enum Level { OK, WARN, ERROR, IDLE }

    public static NodeStatus idle(String state) {
        return new NodeStatus(Level.IDLE, state, "");
    }
}
