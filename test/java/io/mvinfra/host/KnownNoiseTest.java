package io.mvinfra.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;

class KnownNoiseTest {
    private static final String FLYWAY_DATABASE = "org.flywaydb.core.internal.database.base.Database";
    private final LoggerContext context = new LoggerContext();
    private final KnownNoise filter = new KnownNoise();

    @Test
    void dropsFlywaysUpgradeAdviceForH2() {
        LoggingEvent advice = event(FLYWAY_DATABASE, "Flyway upgrade recommended: H2 {} is newer than this version of Flyway and"
                + " support has not been tested. The latest supported version of H2 is {}.", "2.4.240", "2.3.232");

        assertEquals(FilterReply.DENY, filter.decide(advice));
    }

    @Test
    void keepsTheSameAdviceForAnotherDatabase() {
        LoggingEvent advice = event(FLYWAY_DATABASE, "Flyway upgrade recommended: PostgreSQL {} is newer than this version of Flyway",
                "19");

        assertEquals(FilterReply.NEUTRAL, filter.decide(advice));
    }

    @Test
    void keepsEveryOtherWarning() {
        assertEquals(FilterReply.NEUTRAL, filter.decide(event(FLYWAY_DATABASE, "Connection lost: {}", "reset")));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("io.mvinfra.host.store.Database",
                "Flyway upgrade recommended: H2 2.4.240 is newer than this version of Flyway")));
    }

    private LoggingEvent event(String logger, String message, Object... arguments) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.WARN, message, null, arguments);
    }
}
