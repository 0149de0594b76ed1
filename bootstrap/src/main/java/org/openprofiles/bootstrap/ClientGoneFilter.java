package org.openprofiles.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import org.slf4j.Marker;

/**
 * A client that goes away before its response is written (a timeout, a closed browser tab, a load
 * generator stopping) is not the server's error, but Jersey logs it as one: an ERROR "An I/O error
 * has occurred while writing a response message entity" with two screens of stack trace. This
 * filter turns exactly that into one DEBUG line of the service's own ({@link #LOGGER}): Jersey's
 * responder failing with an {@link IOException} somewhere in the cause chain. Every other line of
 * Jersey's, and this one without an I/O failure behind it, passes unchanged. The access log still
 * records the request, with the bytes written before the client left.
 */
final class ClientGoneFilter extends TurboFilter {

    /** The logger of Jersey's responder (through the java.util.logging bridge: the class's name). */
    static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

    /** Where the one line goes instead. */
    static final String LOGGER = "org.openprofiles.http.client-gone";

    @Override
    public FilterReply decide(
            Marker marker, Logger logger, Level level, String format, Object[] params, Throwable failure) {
        if (failure == null || !JERSEY_RESPONDER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        IOException io = ioFailure(failure);
        if (io == null) {
            return FilterReply.NEUTRAL;
        }
        logger.getLoggerContext()
                .getLogger(LOGGER)
                .debug("the client closed the connection before its response was written: {}", io.toString());
        return FilterReply.DENY;
    }

    private static IOException ioFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
