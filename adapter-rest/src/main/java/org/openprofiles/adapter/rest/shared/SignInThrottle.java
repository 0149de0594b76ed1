package org.openprofiles.adapter.rest.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per source address and per user, in fixed windows, and says when to
 * stop listening. Per source: after {@code perSource} failures within a window, every further
 * attempt from that source (whatever credential it carries) is refused with 429 until the window
 * ends, before any credential is looked at. Per user: after {@code perUser} failures of genuine
 * but unusable credentials of one user (revoked or expired tokens, a disabled user), further such
 * failures for that user are answered 429 rather than 401; that user's valid credentials keep
 * working, so a leaked old token cannot lock its owner out. IPv6 sources count by their /64
 * network, which one client usually holds whole. A limit of 0 turns that count off.
 */
public final class SignInThrottle {

    /** The limits: failures allowed per window, per source and per user. */
    public record Limits(int perSource, int perUser, Duration window) {

        public Limits {
            if (perSource < 0 || perUser < 0 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("limits must not be negative, the window must be positive");
            }
        }

        /** No throttling at all. */
        public static Limits off() {
            return new Limits(0, 0, Duration.ofMinutes(1));
        }
    }

    /** Above this many tracked keys, windows that have ended are swept before a new key is added. */
    private static final int SWEEP_ABOVE = 10_000;

    /** Never more keys than this: beyond it new sources are not tracked until windows end. */
    private static final int MAX_KEYS = 200_000;

    private record Window(long start, int failures) {}

    private final Limits limits;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public SignInThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Throws {@link Throttled} when {@code source} has used up its failures for this window. */
    public void checkSource(InetAddress source) {
        if (limits.perSource() > 0 && source != null) {
            refuseWhenOver(sourceKey(source), limits.perSource());
        }
    }

    /**
     * Records a failed sign-in from {@code source}, of a credential of {@code user} when known.
     * Returns the refusal to answer instead of the 401 when the user is over its limit.
     */
    public Optional<Throttled> failed(InetAddress source, Optional<UUID> user) {
        long now = clock.millis();
        if (limits.perSource() > 0 && source != null) {
            count(sourceKey(source), now);
        }
        if (limits.perUser() > 0 && user.isPresent()) {
            Window window = count("user:" + user.get(), now);
            if (window.failures() > limits.perUser()) {
                return Optional.of(new Throttled(retryAfter(window, now), "too many failed sign-ins for this user"));
            }
        }
        return Optional.empty();
    }

    private void refuseWhenOver(String key, int limit) {
        long now = clock.millis();
        Window window = windows.get(key);
        if (window != null && !ended(window, now) && window.failures() >= limit) {
            throw new Throttled(retryAfter(window, now), "too many failed sign-ins from this address");
        }
    }

    private Window count(String key, long now) {
        if (windows.size() > SWEEP_ABOVE && !windows.containsKey(key)) {
            windows.values().removeIf(w -> ended(w, now));
            if (windows.size() >= MAX_KEYS) {
                return new Window(now, 0);
            }
        }
        return windows.compute(
                key,
                (k, w) -> w == null || ended(w, now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    private boolean ended(Window window, long now) {
        return now - window.start() >= limits.window().toMillis();
    }

    private long retryAfter(Window window, long now) {
        long left = window.start() + limits.window().toMillis() - now;
        return Math.max(1, (left + 999) / 1000);
    }

    private static String sourceKey(InetAddress source) {
        if (source instanceof Inet6Address) {
            return "net:" + Arrays.toString(Arrays.copyOf(source.getAddress(), 8));
        }
        return "ip:" + source.getHostAddress();
    }
}
