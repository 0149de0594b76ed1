package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which address a request counts as coming from, behind trusted proxies and without them. */
class ClientAddressTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, ::1");

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeadersSay() throws Exception {
        assertEquals(ip("198.51.100.9"), PROXIES.clientOf(ip("198.51.100.9"), "for=1.2.3.4", "1.2.3.4"));
        assertEquals(ip("10.1.1.1"), TrustedProxies.none().clientOf(ip("10.1.1.1"), null, "1.2.3.4"));
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() throws Exception {
        assertEquals(ip("203.0.113.7"), PROXIES.clientOf(ip("10.0.0.1"), null, "1.2.3.4, 203.0.113.7, 10.0.0.2"));
        assertEquals(
                ip("2001:db8::1"),
                PROXIES.clientOf(ip("10.0.0.1"), "for=192.0.2.60, for=\"[2001:db8::1]:4711\"", "9.9.9.9"));
        assertEquals(ip("192.0.2.60"), PROXIES.clientOf(ip("::1"), "for=192.0.2.60:1234;proto=https", null));
    }

    @Test
    void aHopThatIsNoLiteralAddressStopsTheWalkAtTheProxyThatReportedIt() throws Exception {
        assertEquals(ip("10.0.0.2"), PROXIES.clientOf(ip("10.0.0.1"), null, "203.0.113.7, evil.example, 10.0.0.2"));
        assertEquals(ip("10.0.0.1"), PROXIES.clientOf(ip("10.0.0.1"), "for=unknown", null));
        assertEquals(ip("10.0.0.1"), PROXIES.clientOf(ip("10.0.0.1"), null, "999.1.1.1"));
    }

    @Test
    void withOnlyTrustedHopsTheFarthestIsTheClient() throws Exception {
        assertEquals(ip("10.0.0.3"), PROXIES.clientOf(ip("10.0.0.1"), null, "10.0.0.3, 10.0.0.2"));
        assertEquals(ip("10.0.0.1"), PROXIES.clientOf(ip("10.0.0.1"), null, null));
    }
}
