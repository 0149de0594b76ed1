package org.openprofiles.application.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openprofiles.application.shared.ChangeFeed.Change;

/**
 * A bounded cache of what rarely changes (a token's owner, a template), kept correct by the
 * {@link ChangeFeed}: an entry a change affects is dropped when the change is told, and nothing is
 * served or kept while the feed is not live or inside a unit of work (whose own view is the truth).
 *
 * <p>A value read while a change was being told is returned but not kept: every change raises a
 * generation counter, a load keeps its value only if the counter did not move while it ran, and
 * checks again after keeping it. So a value read before a change committed can never outlive the
 * change's notice. Entries also expire after a while, a bound for the unexpected.
 */
public final class ChangeAwareCache<K, V> implements ChangeFeed.Listener {

    /** How many entries at most, and how long one is kept; either zero turns the cache off. */
    public record Settings(int maxEntries, Duration timeToLive) {
        public Settings {
            if (maxEntries < 0 || timeToLive == null || timeToLive.isNegative()) {
                throw new IllegalArgumentException("a cache needs a size >= 0 and a time to live >= 0");
            }
        }

        public static Settings off() {
            return new Settings(0, Duration.ZERO);
        }

        boolean enabled() {
            return maxEntries > 0 && !timeToLive.isZero();
        }
    }

    private record Entry<V>(V value, long expiresAtNanos) {}

    private final ChangeFeed feed;
    private final Transactions transactions;
    private final Settings settings;
    private final BiPredicate<Change, V> affectedBy;
    private final Predicate<V> worthKeeping;
    private final LongSupplier nanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /**
     * A cache that drops the entries whose value {@code affectedBy} a change says; it subscribes
     * itself to {@code feed}.
     */
    public ChangeAwareCache(
            ChangeFeed feed, Transactions transactions, Settings settings, BiPredicate<Change, V> affectedBy) {
        this(feed, transactions, settings, affectedBy, System::nanoTime);
    }

    /** As above, with the clock that times the entries out (tests). */
    public ChangeAwareCache(
            ChangeFeed feed,
            Transactions transactions,
            Settings settings,
            BiPredicate<Change, V> affectedBy,
            LongSupplier nanos) {
        this(feed, transactions, settings, affectedBy, value -> true, nanos);
    }

    /**
     * As above, keeping only the values {@code worthKeeping} accepts (the others are returned but
     * read again next time: e.g. ones too big to hold many of).
     */
    public ChangeAwareCache(
            ChangeFeed feed,
            Transactions transactions,
            Settings settings,
            BiPredicate<Change, V> affectedBy,
            Predicate<V> worthKeeping,
            LongSupplier nanos) {
        this.feed = feed;
        this.transactions = transactions;
        this.settings = settings;
        this.affectedBy = affectedBy;
        this.worthKeeping = worthKeeping;
        this.nanos = nanos;
        feed.subscribe(this);
    }

    /** The value of {@code key}: kept, or from {@code load} (kept when present and still current). */
    public Optional<V> get(K key, Supplier<Optional<V>> load) {
        if (!usable()) {
            return load.get();
        }
        Optional<V> kept = kept(key);
        if (kept.isPresent()) {
            return kept;
        }
        long before = generation.get();
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> keep(key, value, before));
        return loaded;
    }

    /** The values of {@code keys} that exist: kept ones, and the others from one call of {@code loadMissing}. */
    public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> loadMissing) {
        if (!usable()) {
            return loadMissing.apply(keys);
        }
        Map<K, V> found = new HashMap<>();
        Set<K> missing = new LinkedHashSet<>();
        for (K key : keys) {
            Optional<V> kept = kept(key);
            if (kept.isPresent()) {
                found.put(key, kept.get());
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            long before = generation.get();
            Map<K, V> loaded = loadMissing.apply(missing);
            loaded.forEach((key, value) -> keep(key, value, before));
            found.putAll(loaded);
        }
        return found;
    }

    @Override
    public void changed(Change change) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> affectedBy.test(change, entry.value()));
    }

    @Override
    public void reset() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** How many entries are kept now. */
    public int size() {
        return entries.size();
    }

    private boolean usable() {
        return settings.enabled() && feed.live() && !transactions.inUnitOfWork();
    }

    private Optional<V> kept(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanos.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    private void keep(K key, V value, long generationBeforeLoad) {
        if (generation.get() != generationBeforeLoad || !feed.live() || !worthKeeping.test(value)) {
            return;
        }
        if (entries.size() >= settings.maxEntries()) {
            evictSome();
        }
        Entry<V> entry =
                new Entry<>(value, nanos.getAsLong() + settings.timeToLive().toNanos());
        entries.put(key, entry);
        // A change told between the check above and the put: take the entry out again.
        if (generation.get() != generationBeforeLoad) {
            entries.remove(key, entry);
        }
    }

    /** Makes room: drops a tenth of the entries (any), so that eviction is rare and cheap. */
    private void evictSome() {
        int toDrop = Math.max(1, settings.maxEntries() / 10);
        Iterator<K> keys = entries.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
