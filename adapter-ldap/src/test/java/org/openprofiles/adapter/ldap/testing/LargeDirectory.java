package org.openprofiles.adapter.ldap.testing;

import com.unboundid.ldap.sdk.Entry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openprofiles.adapter.ldap.DirectoryValues;

/**
 * A directory of a chosen size for benchmarks: {@code groups} groups (every group from the 100th on
 * nested in one of the first 100) and {@code accounts} accounts, each a direct member of
 * {@code groupsPerAccount} groups; one account in 50 disabled; department, title and
 * accountExpires varying. Ids are name-based UUIDs, so two loads of one size hold the same ids.
 *
 * @param accounts         how many accounts
 * @param groups           how many groups
 * @param groupsPerAccount direct groups of each account
 */
public record LargeDirectory(int accounts, int groups, int groupsPerAccount) {

    public static final String GROUP_OU = "OU=Groups," + InMemoryDirectory.AD_BASE;
    public static final String STAFF_OU = "OU=Staff," + InMemoryDirectory.AD_BASE;

    /** The sizes of the issue: 100,000 accounts, 5,000 groups, 20 direct groups each (2,000,000 memberships). */
    public static LargeDirectory fromSystemProperties() {
        return new LargeDirectory(
                Integer.getInteger("bench.accounts", 100_000),
                Integer.getInteger("bench.groups", 5_000),
                Integer.getInteger("bench.groupsPerAccount", 20));
    }

    public long memberships() {
        return (long) accounts * groupsPerAccount;
    }

    /** The k-th direct group of account a: 251 is prime and does not divide 5,000, so an account's groups differ. */
    public int groupOf(int account, int k) {
        return (account * 7 + k * 251) % groups;
    }

    /** The id of account {@code a} (as the AD load writes it in objectGUID). */
    public static UUID accountId(int a) {
        return UUID.nameUUIDFromBytes(("user" + a).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of group {@code g}. */
    public static UUID groupId(int g) {
        return UUID.nameUUIDFromBytes(("group" + g).getBytes(StandardCharsets.UTF_8));
    }

    public static String groupDn(int g) {
        return "CN=Group " + g + "," + GROUP_OU;
    }

    /** Adds the groups and accounts to the Active Directory-like server, with memberOf as AD shows it. */
    public void loadActiveDirectory(InMemoryDirectory directory) throws Exception {
        List<Entry> entries = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            Entry group = new Entry(groupDn(g));
            group.addAttribute("objectClass", "top", "group");
            group.addAttribute("cn", "Group " + g);
            group.addAttribute("objectGUID", DirectoryValues.toBinaryGuid(groupId(g)));
            if (g >= 100) {
                group.addAttribute("memberOf", groupDn(g % 100));
            }
            entries.add(group);
        }
        directory.server().addEntries(entries);
        int batch = 10_000;
        for (int start = 0; start < accounts; start += batch) {
            entries = new ArrayList<>(batch);
            for (int a = start; a < Math.min(accounts, start + batch); a++) {
                Entry account = new Entry("CN=User " + a + "," + STAFF_OU);
                account.addAttribute("objectClass", "top", "user");
                account.addAttribute("cn", "User " + a);
                account.addAttribute("sAMAccountName", "user" + a);
                account.addAttribute("displayName", "User Number " + a);
                account.addAttribute("objectGUID", DirectoryValues.toBinaryGuid(accountId(a)));
                account.addAttribute("userAccountControl", a % 50 == 0 ? "514" : "512");
                account.addAttribute("department", "Department " + (a % 40));
                account.addAttribute("title", "Title " + (a % 12));
                account.addAttribute("accountExpires", a % 3 == 0 ? "0" : "135693792000000000");
                String[] memberOf = new String[groupsPerAccount];
                for (int k = 0; k < groupsPerAccount; k++) {
                    memberOf[k] = groupDn(groupOf(a, k));
                }
                account.addAttribute("memberOf", memberOf);
                entries.add(account);
            }
            directory.server().addEntries(entries);
        }
    }

    /** The same shape as an LDIF file for slapadd: groupOfNames with member DNs, inetOrgPerson accounts. */
    public void writeOpenLdap(Path ldif) throws IOException {
        List<List<Integer>> members = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            members.add(new ArrayList<>());
        }
        for (int a = 0; a < accounts; a++) {
            for (int k = 0; k < groupsPerAccount; k++) {
                members.get(groupOf(a, k)).add(a);
            }
        }
        String people = "ou=people,dc=example,dc=org";
        String groupsOu = "ou=groups,dc=example,dc=org";
        try (BufferedWriter out = Files.newBufferedWriter(ldif)) {
            out.write(
                    "dn: dc=example,dc=org\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n");
            out.write("dn: " + people + "\nobjectClass: organizationalUnit\nou: people\n\n");
            out.write("dn: " + groupsOu + "\nobjectClass: organizationalUnit\nou: groups\n\n");
            for (int a = 0; a < accounts; a++) {
                out.write("dn: uid=user" + a + "," + people + "\nobjectClass: inetOrgPerson\nuid: user" + a
                        + "\ncn: User Number " + a
                        + "\nsn: Number " + a + "\ndepartmentNumber: Department " + (a % 40) + "\ntitle: Title "
                        + (a % 12) + "\n"
                        + (a % 50 == 0 ? "pwdAccountLockedTime: 000001010000Z\n" : "") + "\n");
            }
            for (int g = 0; g < groups; g++) {
                out.write("dn: cn=group-" + g + "," + groupsOu + "\nobjectClass: groupOfNames\ncn: group-" + g + "\n");
                for (int a : members.get(g)) {
                    out.write("member: uid=user" + a + "," + people + "\n");
                }
                for (int child = g + 100; g < 100 && child < groups; child += 100) {
                    out.write("member: cn=group-" + child + "," + groupsOu + "\n");
                }
                out.write("\n");
            }
        }
    }
}
