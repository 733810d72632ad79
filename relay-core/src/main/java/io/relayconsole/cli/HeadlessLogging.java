package io.relayconsole.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The headless relay's logging, configured in code: one line per event on standard output. Logback's XML
 * configuration would load its XML parser and a few hundred configuration classes into every relay process
 * (several MiB of metaspace) to say the same thing.
 *
 * <p>Registered as a Logback {@link Configurator} service, it acts only when {@link RelayMain} asked for it (the
 * console and tests that embed the engine keep their own {@code logback.xml}); {@code -Dlogback.configurationFile}
 * still wins.
 */
public final class HeadlessLogging extends ContextAwareBase implements Configurator {
    static final String PROPERTY = "relayconsole.logging";
    static final String HEADLESS = "headless";
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    /** Asks for this configuration; call before the first logger exists. */
    static void request() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty(PROPERTY, HEADLESS);
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!HEADLESS.equals(System.getProperty(PROPERTY)) || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(context);
        out.setName("OUT");
        out.setEncoder(encoder);
        out.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(out);
        // Library chatter: connection-level detail the relay reports in its own words.
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("okhttp3").setLevel(Level.WARN);
        context.getLogger("com.launchdarkly").setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
