package org.openprofiles.adapter.ldap;

import java.util.Arrays;

/**
 * A map from long keys (DN hashes) to int values (ordinals) with open addressing: no boxing and
 * no allocation per entry, which matters when two million member values are looked up while the
 * groups are read. Values must not be negative; {@link #get} answers -1 for a missing key.
 */
final class LongIntMap {

    private static final int FREE = -1;
    private long[] keys = new long[1024];
    private int[] values = freeSlots(1024);
    private int size;

    int size() {
        return size;
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return FREE;
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must not be negative");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == FREE) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    private static int slot(long key, int mask) {
        // The keys are already well-mixed hashes.
        return (int) (key ^ (key >>> 32)) & mask;
    }

    private static int[] freeSlots(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, FREE);
        return slots;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = freeSlots(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
