package org.openprofiles.adapter.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openprofiles.domain.access.GroupId;

/**
 * Every group of the directory with how groups nest, and (when memberships come from the groups'
 * {@code member} values) which groups each member DN is directly in. Groups are few (thousands),
 * so the graph is held; accounts are not: an account's member DN is kept only as a 64-bit hash of
 * its normalised form plus the indices of its groups (about 12 bytes per membership).
 *
 * <p>Built in two steps: {@link #add} for every group as it is read, then {@link #resolve} once,
 * which links parents and computes each group's ancestors (nesting is transitive and may be
 * circular, as Active Directory allows).
 */
final class GroupGraph {

    private final List<GroupId> ids = new ArrayList<>();
    private final Map<String, Integer> byDn = new HashMap<>();
    private final Map<String, Integer> byNormalizedDn = new HashMap<>();
    private final List<String> normalizedDns = new ArrayList<>();
    private final List<String[]> parentDns = new ArrayList<>();
    // each group's DN as UTF-8 bytes, found by their hash: memberOf values arrive as the bytes the
    // server sent, and the server writes a DN the same way every time, so most are found without
    // decoding them to text (decoding and hashing 2,000,000 of them was most of reading accounts)
    private final List<byte[]> rawDns = new ArrayList<>();
    private final LongIntMap byRawDn = new LongIntMap();
    // the groups one member is in, collected without clearing a set per member: a group counts
    // when its stamp is the current one
    private int[] stamps = new int[0];
    private int stamp;
    private int[] found = new int[0];

    // member mode: ordinal of each distinct member DN (by hash of its normalised form), the same
    // ordinal by hash of the text as the server wrote it (normalising is the costly part, and a
    // server writes one DN the same way every time), and (ordinal, group) pairs
    private final LongIntMap memberOrdinals = new LongIntMap();
    private final LongIntMap memberOrdinalsByText = new LongIntMap();
    private int[] pairOrdinals = new int[0];
    private int[] pairGroups = new int[0];
    private int pairs;

    private int[][] ancestors;
    private int[] memberOffsets;
    private int[] memberGroups;

    int size() {
        return ids.size();
    }

    GroupId id(int index) {
        return ids.get(index);
    }

    /**
     * Adds a group; {@code parents} are the DNs of groups it is a member of (its memberOf), and
     * {@code members} the DNs of its members (its member values); either may be empty.
     */
    void add(GroupId id, String dn, String[] parents, String[] members) {
        int index = ids.size();
        ids.add(id);
        byDn.putIfAbsent(dn, index);
        byte[] raw = dn.getBytes(StandardCharsets.UTF_8);
        rawDns.add(raw);
        if (byRawDn.get(hash(raw)) < 0) {
            byRawDn.put(hash(raw), index);
        }
        String normalized = normalize(dn);
        normalizedDns.add(normalized);
        byNormalizedDn.putIfAbsent(normalized, index);
        parentDns.add(parents);
        for (String member : members) {
            long textHash = hash(member);
            int ordinal = memberOrdinalsByText.get(textHash);
            if (ordinal < 0) {
                long normalizedHash = hash(normalize(member));
                ordinal = memberOrdinals.get(normalizedHash);
                if (ordinal < 0) {
                    ordinal = memberOrdinals.size();
                    memberOrdinals.put(normalizedHash, ordinal);
                }
                memberOrdinalsByText.put(textHash, ordinal);
            }
            if (pairs == pairOrdinals.length) {
                int grown = Math.max(1024, pairs * 2);
                pairOrdinals = Arrays.copyOf(pairOrdinals, grown);
                pairGroups = Arrays.copyOf(pairGroups, grown);
            }
            pairOrdinals[pairs] = ordinal;
            pairGroups[pairs] = index;
            pairs++;
        }
    }

    /** Links the graph; after this, {@link #groupsOf} answers. */
    void resolve() {
        List<Set<Integer>> parents = new ArrayList<>(ids.size());
        for (int g = 0; g < ids.size(); g++) {
            Set<Integer> p = new LinkedHashSet<>();
            for (String parentDn : parentDns.get(g)) {
                int parent = find(parentDn);
                if (parent >= 0 && parent != g) {
                    p.add(parent);
                }
            }
            parents.add(p);
        }
        parentDns.clear();
        buildMemberIndex();
        // A group listed as a member of another group nests in it.
        for (int g = 0; g < ids.size(); g++) {
            int[] asMember = directGroupsOfOrdinal(memberOrdinals.get(hash(normalizedDns.get(g))));
            for (int parent : asMember) {
                if (parent != g) {
                    parents.get(g).add(parent);
                }
            }
        }
        ancestors = new int[ids.size()][];
        for (int g = 0; g < ids.size(); g++) {
            BitSet seen = new BitSet(ids.size());
            ArrayList<Integer> stack = new ArrayList<>(List.of(g));
            seen.set(g);
            while (!stack.isEmpty()) {
                int current = stack.remove(stack.size() - 1);
                for (int parent : parents.get(current)) {
                    if (!seen.get(parent)) {
                        seen.set(parent);
                        stack.add(parent);
                    }
                }
            }
            ancestors[g] = seen.stream().toArray();
        }
    }

    /** The index of the group with this DN, or -1. */
    int find(String dn) {
        Integer index = byDn.get(dn);
        if (index == null) {
            index = byNormalizedDn.get(normalize(dn));
        }
        return index == null ? -1 : index;
    }

    /** The index of the group with this DN given as UTF-8 bytes, or -1. */
    int find(byte[] dn) {
        int index = byRawDn.get(hash(dn));
        if (index >= 0 && Arrays.equals(rawDns.get(index), dn)) {
            return index;
        }
        return find(new String(dn, StandardCharsets.UTF_8));
    }

    /**
     * Every group (direct and nested) of a member: groups named by {@code memberOf} DNs (UTF-8, as
     * the server sent them), plus the groups whose member values name {@code dn}; each with all
     * its ancestors.
     */
    Set<GroupId> groupsOf(String dn, byte[][] memberOf) {
        if (stamps.length < ids.size()) {
            stamps = new int[ids.size()];
            found = new int[ids.size()];
        }
        stamp++;
        int count = 0;
        for (byte[] groupDn : memberOf) {
            int g = find(groupDn);
            if (g >= 0) {
                count = collect(ancestors[g], count);
            }
        }
        if (memberOrdinals.size() > 0) {
            int ordinal = memberOrdinalsByText.get(hash(dn));
            if (ordinal < 0) {
                ordinal = memberOrdinals.get(hash(normalize(dn)));
            }
            for (int g : directGroupsOfOrdinal(ordinal)) {
                count = collect(ancestors[g], count);
            }
        }
        // An immutable set is taken over by Account as it is (Set.copyOf does not copy it again).
        GroupId[] result = new GroupId[count];
        for (int i = 0; i < count; i++) {
            result[i] = ids.get(found[i]);
        }
        return Set.of(result);
    }

    /** Adds the groups not collected yet for this member; answers how many are collected now. */
    private int collect(int[] groups, int count) {
        for (int g : groups) {
            if (stamps[g] != stamp) {
                stamps[g] = stamp;
                found[count++] = g;
            }
        }
        return count;
    }

    private int[] directGroupsOfOrdinal(int ordinal) {
        if (ordinal < 0 || memberOffsets == null) {
            return new int[0];
        }
        return Arrays.copyOfRange(memberGroups, memberOffsets[ordinal], memberOffsets[ordinal + 1]);
    }

    /** Turns the (ordinal, group) pairs into one array of groups per ordinal (compressed rows). */
    private void buildMemberIndex() {
        int members = memberOrdinals.size();
        memberOffsets = new int[members + 1];
        for (int i = 0; i < pairs; i++) {
            memberOffsets[pairOrdinals[i] + 1]++;
        }
        for (int m = 0; m < members; m++) {
            memberOffsets[m + 1] += memberOffsets[m];
        }
        memberGroups = new int[pairs];
        int[] fill = Arrays.copyOf(memberOffsets, members);
        for (int i = 0; i < pairs; i++) {
            memberGroups[fill[pairOrdinals[i]]++] = pairGroups[i];
        }
        pairOrdinals = new int[0];
        pairGroups = new int[0];
    }

    /** The DN in normalised form (case, spacing, escaping), or the text lower-cased when it does not parse. */
    static String normalize(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@link #hash(String)} over bytes (of a UTF-8 DN, which hashes differently from its text: they are never mixed). */
    static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    /** 64-bit FNV-1a with a final mix: the chance of any collision among a million DNs is below 1 in 10^7. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
