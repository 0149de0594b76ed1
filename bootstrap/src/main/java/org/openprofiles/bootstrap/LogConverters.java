package org.openprofiles.bootstrap;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Pattern words of the text format ({@link LogSetup#PATTERN}) that cost little per line (one access line
 * per request): they write what {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}} and
 * {@code %replace( [%X{requestId}]){' \[\]', ''}} wrote, without formatting a date or running a
 * regular expression for every line.
 */
public final class LogConverters {

    private LogConverters() {}

    /** {@code %isoTime}: the event's time as {@code 2026-12-02T02:50:01.123Z} in the JVM's zone. */
    public static final class IsoTime extends ClassicConverter {

        private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("XXX");

        /** The text around the milliseconds of one second: formatted once per second, not per line. */
        private record Second(long epochSecond, String before, String after) {}

        private final ZoneId zone = ZoneId.systemDefault();
        private volatile Second cached = new Second(Long.MIN_VALUE, "", "");

        @Override
        public String convert(ILoggingEvent event) {
            long millis = event.getTimeStamp();
            long epochSecond = Math.floorDiv(millis, 1000);
            Second second = cached;
            if (second.epochSecond() != epochSecond) {
                ZonedDateTime time = Instant.ofEpochSecond(epochSecond).atZone(zone);
                second = new Second(epochSecond, SECONDS.format(time), OFFSET.format(time));
                cached = second;
            }
            int fraction = (int) Math.floorMod(millis, 1000);
            StringBuilder text = new StringBuilder(second.before().length() + 10);
            text.append(second.before()).append('.');
            if (fraction < 100) {
                text.append('0');
            }
            if (fraction < 10) {
                text.append('0');
            }
            return text.append(fraction).append(second.after()).toString();
        }
    }

    /** {@code %requestId}: {@code " [id]"} when the logging context has a request id, else nothing. */
    public static final class RequestId extends ClassicConverter {

        @Override
        public String convert(ILoggingEvent event) {
            String id = event.getMDCPropertyMap().get("requestId");
            return id == null || id.isEmpty() ? "" : " [" + id + "]";
        }
    }
}
