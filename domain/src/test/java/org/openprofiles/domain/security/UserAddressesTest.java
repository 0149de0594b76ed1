package org.openprofiles.domain.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

class UserAddressesTest {

    private static User user() {
        return User.create(UserId.random(), "ann", "Ann", Set.of(), Instant.EPOCH);
    }

    @Test
    void addressesAreOptionalAndStrippedAndBlankMeansNone() {
        User ann = user().withAddresses(Optional.of("  ann@example.org "), Optional.of(" "));
        assertEquals(Optional.of("ann@example.org"), ann.email());
        assertEquals(Optional.empty(), ann.userPrincipalName());
        assertEquals(Optional.empty(), user().email());
    }

    @Test
    void aMalformedAddressIsRefusedNamingItsField() {
        for (String bad :
                new String[] {"ann", "@example.org", "ann@", "a@b@c", "ann smith@example.org", "änn@example.org"}) {
            Invalid invalid =
                    assertThrows(Invalid.class, () -> user().withAddresses(Optional.of(bad), Optional.empty()), bad);
            assertEquals(Optional.of("email"), invalid.field(), bad);
        }
        Invalid upn =
                assertThrows(Invalid.class, () -> user().withAddresses(Optional.empty(), Optional.of("no-at-sign")));
        assertEquals(Optional.of("userPrincipalName"), upn.field());
    }

    @Test
    void aUserPrincipalNameMayHoldLettersBeyondAscii() {
        assertEquals(
                Optional.of("änn@corp.example"),
                user().withAddresses(Optional.empty(), Optional.of("änn@corp.example"))
                        .userPrincipalName());
    }

    @Test
    void tooLongAddressesAreRefused() {
        String longEmail = "a".repeat(250) + "@b.cd";
        Invalid invalid =
                assertThrows(Invalid.class, () -> user().withAddresses(Optional.of(longEmail), Optional.empty()));
        assertEquals("too_long", invalid.code());
    }
}
