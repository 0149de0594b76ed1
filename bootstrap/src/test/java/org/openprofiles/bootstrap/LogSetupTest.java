package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import org.junit.jupiter.api.Test;

/**
 * The server's logging is set up in code: the queued console appender on the root at WARN, the
 * service's own lines at INFO, libraries quiet; a logback configuration file of the operator's
 * (or a test's) takes its place.
 */
class LogSetupTest {

    @Test
    void theRootWritesWarningsThroughTheQueuedConsoleAndTheServiceItsOwnInfoLines() {
        LoggerContext context = new LoggerContext();
        try {
            LogSetup.apply(context);

            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertEquals(Level.WARN, root.getLevel());
            assertInstanceOf(QueuedConsoleAppender.class, root.getAppender(LogFormat.APPENDER))
                    .stop();
            assertEquals(
                    Level.INFO,
                    context.getLogger("org.openprofiles.bootstrap.Server").getEffectiveLevel());
            assertEquals(
                    Level.WARN, context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel());
            assertEquals(
                    Level.WARN,
                    context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel());
            assertEquals(
                    Level.WARN,
                    context.getLogger("org.glassfish.jersey.server.ApplicationHandler")
                            .getEffectiveLevel());
            assertEquals(
                    Level.OFF,
                    context.getLogger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
                            .getEffectiveLevel());
            assertEquals(
                    Level.WARN,
                    context.getLogger("io.zonky.test.db.postgres.util.LinuxUtils")
                            .getEffectiveLevel());
        } finally {
            context.stop();
        }
    }

    @Test
    void aConfigurationFileOfTheOperatorsOrATestsIsUsedInstead() {
        // This module's tests have a logback-test.xml; an operator names a file with logback.configurationFile.
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
        assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogFormat.APPENDER));
    }
}
