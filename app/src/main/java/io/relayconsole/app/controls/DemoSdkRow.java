package io.relayconsole.app.controls;

/** One demo SDK as the table shows it: which, where, its state in words, and the flag value it evaluates. */
public record DemoSdkRow(String name, String environment, Health health, String state, String flagKey,
                         String flagValue) {

    public enum Health { SERVED, STARTING, RETRYING, GAVE_UP }
}
