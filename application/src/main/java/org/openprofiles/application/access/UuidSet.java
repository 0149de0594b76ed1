package org.openprofiles.application.access;

import java.util.UUID;

/**
 * A set of UUIDs in two arrays of longs (open addressing, linear probing): about 32 bytes per id,
 * a tenth of a {@code HashSet<UUID>}. A sync keeps the ids a full read delivered in one, to find
 * the stored objects the directory no longer has without holding the objects themselves.
 */
final class UuidSet {

    private long[] high = new long[64];
    private long[] low = new long[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** Adds {@code id}; false when it was there already. */
    boolean add(UUID id) {
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        return put(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    boolean contains(UUID id) {
        long h = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        int mask = used.length - 1;
        for (int i = slot(h, l, mask); used[i]; i = (i + 1) & mask) {
            if (high[i] == h && low[i] == l) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    private boolean put(long h, long l) {
        int mask = used.length - 1;
        int i = slot(h, l, mask);
        while (used[i]) {
            if (high[i] == h && low[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                put(oldHigh[i], oldLow[i]);
            }
        }
    }

    private static int slot(long h, long l, int mask) {
        long mixed = (h ^ Long.rotateLeft(l, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
