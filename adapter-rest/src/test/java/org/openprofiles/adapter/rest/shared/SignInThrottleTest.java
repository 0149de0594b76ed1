package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Failed sign-ins counted per source and per user, in windows of a clock the test moves. */
class SignInThrottleTest {

    /** A clock that stands still until moved. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final TestClock clock = new TestClock();
    private final SignInThrottle throttle =
            new SignInThrottle(new SignInThrottle.Limits(3, 2, Duration.ofSeconds(60)), clock);

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void aSourceIsRefusedAfterItsFailuresUntilTheWindowEnds() throws Exception {
        InetAddress source = ip("203.0.113.7");
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> throttle.checkSource(source));
            throttle.failed(source, Optional.empty());
        }
        clock.advance(Duration.ofSeconds(20));
        Throttled refused = assertThrows(Throttled.class, () -> throttle.checkSource(source));
        assertEquals(40, refused.retryAfterSeconds(), "until the window that began with the first failure ends");
        assertDoesNotThrow(() -> throttle.checkSource(ip("203.0.113.8")), "other sources are not affected");
        clock.advance(Duration.ofSeconds(40));
        assertDoesNotThrow(() -> throttle.checkSource(source), "a new window");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() throws Exception {
        for (int i = 1; i <= 3; i++) {
            throttle.failed(ip("2001:db8:1:2::" + i), Optional.empty());
        }
        assertThrows(Throttled.class, () -> throttle.checkSource(ip("2001:db8:1:2::ffff")));
        assertDoesNotThrow(() -> throttle.checkSource(ip("2001:db8:1:3::1")));
    }

    @Test
    void aUsersFailuresBeyondItsLimitAreAnswered429FromAnySource() throws Exception {
        UUID user = UUID.randomUUID();
        assertTrue(throttle.failed(ip("198.51.100.1"), Optional.of(user)).isEmpty());
        assertTrue(throttle.failed(ip("198.51.100.2"), Optional.of(user)).isEmpty());
        Optional<Throttled> third = throttle.failed(ip("198.51.100.3"), Optional.of(user));
        assertTrue(third.isPresent(), "the third failure for the user, though from a third source");
        assertTrue(
                throttle.failed(ip("198.51.100.4"), Optional.of(UUID.randomUUID()))
                        .isEmpty(),
                "other users");
    }

    @Test
    void limitsOfZeroCountNothing() throws Exception {
        SignInThrottle off = new SignInThrottle(SignInThrottle.Limits.off(), clock);
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            assertTrue(off.failed(ip("203.0.113.7"), Optional.of(user)).isEmpty());
        }
        assertDoesNotThrow(() -> off.checkSource(ip("203.0.113.7")));
    }
}
