package io.relayconsole.app.shell;

/** The console's verdict on the relay, in words: a level, a one-word headline and the reason. */
public record Health(Level level, String headline, String reason) {

    public enum Level {
        STARTING("Starting"), HEALTHY("Healthy"), DEGRADED("Degraded"), DOWN("Down");

        private final String word;

        Level(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public static Health starting() {
        return new Health(Level.STARTING, Level.STARTING.word(), "starting the relay…");
    }

    public static Health failed(String why) {
        return new Health(Level.DOWN, Level.DOWN.word(), why);
    }
}
