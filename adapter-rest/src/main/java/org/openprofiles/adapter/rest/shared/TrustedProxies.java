package org.openprofiles.adapter.rest.shared;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers the server
 * believes, as single addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}). Headers from
 * anyone else are ignored, so a client cannot make the server write its chosen host into links.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefixLength) {}

    /** A dotted-quad IPv4 literal, each part 0–255 (anything else might send InetAddress to DNS). */
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /** A comma-separated list of literal addresses or CIDR ranges; names are refused (no DNS look-ups). */
    public static TrustedProxies parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String item : text.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address);
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("has a bad prefix length in '" + entry + "'");
                }
            }
            ranges.add(new Range(bytes, prefix));
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(List.copyOf(ranges), text.strip());
    }

    /** True when {@code address} lies in one of the ranges. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.network().length == bytes.length && samePrefix(range.network(), bytes, range.prefixLength())) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client a request comes from. {@code peer} is the address of the TCP connection; when it
     * is a trusted proxy, the hops its {@code Forwarded: for=} (or else {@code X-Forwarded-For})
     * header lists are walked from the nearest back, and the first address that is not itself a
     * trusted proxy is the client. A hop that is not a literal address (a name, {@code unknown},
     * an obfuscated identifier) ends the walk at the proxy that reported it, so a client cannot
     * pass itself off as somebody else by writing those headers.
     */
    public InetAddress clientOf(InetAddress peer, String forwarded, String forwardedFor) {
        if (peer == null || !contains(peer)) {
            return peer;
        }
        List<String> hops = forwarded != null && !forwarded.isBlank()
                ? forwardedForValues(forwarded)
                : forwardedFor == null ? List.of() : List.of(forwardedFor.split(","));
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = hopAddress(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static List<String> forwardedForValues(String forwarded) {
        List<String> values = new ArrayList<>();
        for (String element : forwarded.split(",")) {
            String value = "";
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                    value = pair.substring(eq + 1).strip();
                }
            }
            values.add(value);
        }
        return values;
    }

    /** A hop as a literal address without its port and quotes, or null when it is not one. */
    private static InetAddress hopAddress(String hop) {
        String value = hop.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close < 0 ? "" : value.substring(1, close);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        boolean v4 = IPV4.matcher(value).matches();
        if (!v4 && !(value.contains(":") && value.matches("[0-9a-fA-F:.]+"))) {
            return null;
        }
        try {
            // Only strict literals get here, which InetAddress parses without a DNS look-up.
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        if (bits == 0) {
            return true;
        }
        BigInteger mask =
                BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(a.length * 8 - bits);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    private static byte[] literal(String address) {
        String bare =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("must list IP addresses or CIDR ranges, was '" + address + "'");
        }
        try {
            // A literal address: InetAddress parses it without a DNS look-up.
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("must list IP addresses or CIDR ranges, was '" + address + "'");
        }
    }
}
