package org.openprofiles.adapter.rest.access.arm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The vendor's local dates, {@code M/d/yyyy} (e.g. {@code 2/26/2025}), in the server's configured zone. */
final class ArmDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("M/d/uuuu");

    private ArmDates() {}

    static String format(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }
}
