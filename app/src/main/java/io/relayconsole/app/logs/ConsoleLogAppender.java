package io.relayconsole.app.logs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;

/** Sends the application log into {@link LogBuffer#shared()} for the Logs screen (configured in logback.xml). */
public final class ConsoleLogAppender extends AppenderBase<ILoggingEvent> {

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            message = message + System.lineSeparator() + ThrowableProxyUtil.asString(error);
        }
        LogBuffer.shared().append(Instant.ofEpochMilli(event.getTimeStamp()), LogLevel.of(event.getLevel().toString()),
                event.getLoggerName(), event.getThreadName(), message);
    }

}
