package io.mvinfra.host;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The host's logging, set up in code: one line per event on stderr, {@code io.mvinfra} and {@code http} at
 * {@code mvinfra.log.level} (INFO for `serve`, WARN for a CLI command), everything else at WARN. Reading an XML
 * configuration costs a one-shot command more than its work; a {@code logback-test.xml} or
 * {@code -Dlogback.configurationFile} still wins.
 */
public final class HostLogging extends ContextAwareBase implements Configurator {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        OneLine layout = new OneLine();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        KnownNoise noise = new KnownNoise();
        noise.setContext(context);
        noise.start();
        stderr.addFilter(noise);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        Level ours = Level.toLevel(System.getProperty("mvinfra.log.level"), Level.INFO);
        context.getLogger("io.mvinfra").setLevel(ours);
        context.getLogger("http").setLevel(ours);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code 21:56:26.123 WARN  i.m.h.r.ScriptInvoker - message}, then the stack trace if any. */
    private static final class OneLine extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128).append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                    .append(String.format("%-5s", event.getLevel())).append(' ').append(abbreviate(event.getLoggerName())).append(" - ")
                    .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
            if (event.getThrowableProxy() != null) {
                line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(CoreConstants.LINE_SEPARATOR);
            }
            return line.toString();
        }

        private static String abbreviate(String logger) {
            String[] parts = logger.split("\\.");
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                s.append(parts[i].isEmpty() ? "" : parts[i].substring(0, 1)).append('.');
            }
            return s.append(parts[parts.length - 1]).toString();
        }
    }
}
