package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.LdapAttributes.ValueFormat;

/** Conversions between directory encodings and the catalog's canonical forms. */
class DirectoryValuesTest {

    @Test
    void objectGuidBytesAreReadInMicrosoftsMixedByteOrder() {
        byte[] stored = HexFormat.of().parseHex("ff19966f868b11d0b42d00c04fc964ff");

        assertEquals(
                Optional.of(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff")),
                DirectoryValues.fromBinaryGuid(stored));
        assertArrayEquals(
                stored, DirectoryValues.toBinaryGuid(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff")));
        assertEquals(Optional.empty(), DirectoryValues.fromBinaryGuid(new byte[15]));
    }

    @Test
    void accountExpiresFiletimeBecomesAUtcDateAndNeverIsTheCatalogsMinimum() {
        assertEquals("2030-12-31T00:00:00", DirectoryValues.read("135693792000000000", ValueFormat.FILETIME));
        assertEquals("0001-01-01T00:00:00", DirectoryValues.read("0", ValueFormat.FILETIME));
        assertEquals("0001-01-01T00:00:00", DirectoryValues.read("9223372036854775807", ValueFormat.FILETIME));
        assertEquals("garbage", DirectoryValues.read("garbage", ValueFormat.FILETIME), "kept as written");
        assertEquals("135693792000000000", DirectoryValues.write("2030-12-31T00:00:00", ValueFormat.FILETIME));
        assertEquals("0", DirectoryValues.write("0001-01-01T00:00:00", ValueFormat.FILETIME));
        assertEquals("", DirectoryValues.write("", ValueFormat.FILETIME));
    }

    @Test
    void generalizedTimeRoundTrips() {
        assertEquals("2030-06-30T12:30:00", DirectoryValues.read("20300630123000Z", ValueFormat.GENERALIZED_TIME));
        assertEquals(
                "2030-06-30T12:30:00",
                DirectoryValues.read(
                        DirectoryValues.write("2030-06-30T12:30:00", ValueFormat.GENERALIZED_TIME),
                        ValueFormat.GENERALIZED_TIME));
    }
}
