package io.mvinfra.host;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the one warning an operator can do nothing about: Flyway's "upgrade recommended" for H2 2.4.240, which the host
 * runs on purpose (2.3.232, the newest Flyway knows, could lose committed data at close) and whose migrations its tests
 * run. Printed at every migration (a fresh home's first command), it read as a fault. Any other Flyway warning, and
 * this one for another database, still shows.
 */
final class KnownNoise extends Filter<ILoggingEvent> {
    private static final String FLYWAY_DATABASE = "org.flywaydb.core.internal.database.base.Database";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!FLYWAY_DATABASE.equals(event.getLoggerName())) {
            return FilterReply.NEUTRAL;
        }
        String message = event.getFormattedMessage();
        return message != null && message.startsWith("Flyway upgrade recommended: H2 ") ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
