package org.openprofiles.adapter.ldap;

import com.unboundid.util.StaticUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.ldap.LdapAttributes.ValueFormat;

/**
 * Conversions between what a directory stores and what the service keeps: ids (AD's binary
 * objectGUID, a textual entryUUID) and attribute values (AD FILETIME, GeneralizedTime) in the
 * attribute catalog's canonical forms. Dates are UTC, as the directory stores them.
 */
public final class DirectoryValues {

    /** What the catalog's DatePicker holds for "never" (.NET's DateTime.MinValue, the catalog default). */
    static final String NEVER = "0001-01-01T00:00:00";

    private static final long FILETIME_NEVER = Long.MAX_VALUE;
    /** Seconds from 1601-01-01 to 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private static final long FILETIME_TICKS_PER_SECOND = 10_000_000L;
    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private DirectoryValues() {}

    /** The UUID of a Microsoft GUID in its binary layout (Data1, Data2, Data3 little-endian), as AD tools show it. */
    static Optional<UUID> fromBinaryGuid(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            return Optional.empty();
        }
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long data1 = le.getInt(0) & 0xFFFF_FFFFL;
        long data2 = le.getShort(4) & 0xFFFFL;
        long data3 = le.getShort(6) & 0xFFFFL;
        long high = (data1 << 32) | (data2 << 16) | data3;
        long low = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getLong(8);
        return Optional.of(new UUID(high, low));
    }

    /** The binary layout of {@code id} as AD stores objectGUID; inverse of {@link #fromBinaryGuid}. */
    public static byte[] toBinaryGuid(UUID id) {
        long high = id.getMostSignificantBits();
        ByteBuffer out = ByteBuffer.allocate(16);
        out.order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, (int) (high >>> 32))
                .putShort(4, (short) (high >>> 16))
                .putShort(6, (short) high);
        out.order(ByteOrder.BIG_ENDIAN).putLong(8, id.getLeastSignificantBits());
        return out.array();
    }

    static Optional<UUID> fromUuidText(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A directory value in the catalog's canonical form; a value that does not parse is kept as written. */
    static String read(String raw, ValueFormat format) {
        return switch (format) {
            case TEXT -> raw;
            case FILETIME -> fromFiletime(raw);
            case GENERALIZED_TIME -> fromGeneralizedTime(raw);
        };
    }

    /** The directory form of a canonical catalog value ({@code ""} stays empty: no value). */
    static String write(String canonical, ValueFormat format) {
        if (canonical.isEmpty() || format == ValueFormat.TEXT) {
            return canonical;
        }
        if (format == ValueFormat.FILETIME && canonical.equals(NEVER)) {
            return "0";
        }
        Instant instant;
        try {
            instant = LocalDateTime.parse(canonical).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (yyyy-MM-ddTHH:mm:ss): '" + canonical + "'");
        }
        if (format == ValueFormat.FILETIME) {
            return Long.toString(
                    (instant.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * FILETIME_TICKS_PER_SECOND);
        }
        return StaticUtils.encodeGeneralizedTime(Date.from(instant));
    }

    private static String fromFiletime(String raw) {
        long ticks;
        try {
            ticks = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
        if (ticks == 0 || ticks == FILETIME_NEVER) {
            return NEVER;
        }
        if (ticks < 0) {
            return raw;
        }
        long seconds = ticks / FILETIME_TICKS_PER_SECOND - FILETIME_EPOCH_OFFSET_SECONDS;
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(CANONICAL);
    }

    private static String fromGeneralizedTime(String raw) {
        try {
            return LocalDateTime.ofInstant(
                            StaticUtils.decodeGeneralizedTime(raw.strip()).toInstant(), ZoneOffset.UTC)
                    .format(CANONICAL);
        } catch (ParseException e) {
            return raw;
        }
    }
}
