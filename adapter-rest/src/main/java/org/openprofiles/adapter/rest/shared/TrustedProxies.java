package org.openprofiles.adapter.rest.shared;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers the server
 * believes, as single addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}). Headers from
 * anyone else are ignored, so a client cannot make the server write its chosen host into links.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefixLength) {}

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
