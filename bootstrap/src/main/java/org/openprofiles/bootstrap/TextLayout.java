package org.openprofiles.bootstrap;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text format of the server's log lines, written directly: what the pattern
 * {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24}%replace( [%X{requestId}]){' \[\]', ''} - %msg%n}
 * wrote (a stack trace after the line, as logback adds one), without logback's pattern machinery:
 * building a pattern layout set up some 150 classes, a good part of the logging's share of a
 * start, and the date and replace words formatted a date and ran a regular expression per line.
 */
final class TextLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("XXX");

    /** The text around the milliseconds of one second: formatted once per second, not per line. */
    private record Second(long epochSecond, String before, String after) {}

    private final ZoneId zone = ZoneId.systemDefault();
    private volatile Second cached = new Second(Long.MIN_VALUE, "", "");
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(24);
    private final Map<String, String> abbreviated = new ConcurrentHashMap<>();
    private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();

    @Override
    public void start() {
        stackTrace.setContext(getContext());
        stackTrace.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        time(line, event.getTimeStamp());
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(' ').append(abbreviated.computeIfAbsent(event.getLoggerName(), abbreviator::abbreviate));
        String requestId = event.getMDCPropertyMap().get("requestId");
        if (requestId != null && !requestId.isEmpty()) {
            line.append(" [").append(requestId).append(']');
        }
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(stackTrace.convert(event));
        }
        return line.toString();
    }

    /** The event's time as {@code 2026-12-02T02:50:01.123Z} in the JVM's zone. */
    private void time(StringBuilder line, long millis) {
        long epochSecond = Math.floorDiv(millis, 1000);
        Second second = cached;
        if (second.epochSecond() != epochSecond) {
            ZonedDateTime time = Instant.ofEpochSecond(epochSecond).atZone(zone);
            second = new Second(epochSecond, SECONDS.format(time), OFFSET.format(time));
            cached = second;
        }
        int fraction = (int) Math.floorMod(millis, 1000);
        line.append(second.before()).append('.');
        if (fraction < 100) {
            line.append('0');
        }
        if (fraction < 10) {
            line.append('0');
        }
        line.append(fraction).append(second.after());
    }
}
