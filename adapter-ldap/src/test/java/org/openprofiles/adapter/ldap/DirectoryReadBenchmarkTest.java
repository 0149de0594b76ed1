package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryReadResult;
import org.openprofiles.domain.access.directory.DirectorySink;

/**
 * Reads a large directory through the adapter into a sink that only counts, and prints accounts
 * per second and the heap before and after the read (each after a GC). For scale it also times
 * bare paged searches of the same groups and accounts with the same attributes on the same server
 * (protocol and server only, no conversion), so the adapter's own share shows as a ratio measured
 * in the same run.
 *
 * <p>Sizes come from system properties (defaults: the 100,000 accounts, 5,000 groups,
 * 20 direct groups per account = 2,000,000 memberships, pages of 1,000).
 */
@Tag("benchmark")
class DirectoryReadBenchmarkTest {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    private static final int GROUPS = Integer.getInteger("bench.groups", 5_000);
    private static final int GROUPS_PER_ACCOUNT = Integer.getInteger("bench.groupsPerAccount", 20);
    private static final int PAGE_SIZE = Integer.getInteger("bench.pageSize", 1_000);
    /** "snapshot" (default) or "stock": the in-memory server's own paging, quadratic in the result size. */
    private static final String IN_MEMORY_PAGING = System.getProperty("bench.inMemoryPaging", "snapshot");

    private static final String GROUP_OU = "OU=Groups," + InMemoryDirectory.AD_BASE;
    private static final String STAFF_OU = "OU=Staff," + InMemoryDirectory.AD_BASE;

    /** Counts what it is given and keeps nothing. */
    private static final class CountingSink implements DirectorySink {
        final AtomicLong groups = new AtomicLong();
        final AtomicLong accounts = new AtomicLong();
        final AtomicLong memberships = new AtomicLong();

        @Override
        public void groups(List<Group> page) {
            groups.addAndGet(page.size());
        }

        @Override
        public void accounts(List<Account> page) {
            accounts.addAndGet(page.size());
            page.forEach(a -> memberships.addAndGet(a.groups().size()));
        }
    }

    /** The k-th direct group of account a: 251 is prime and does not divide 5,000, so an account's groups differ. */
    private static int groupOf(int account, int k) {
        return (account * 7 + k * 251) % GROUPS;
    }

    @Test
    void activeDirectoryPresetFromTheInMemoryServer() throws Exception {
        try (InMemoryDirectory directory =
                InMemoryDirectory.activeDirectoryForBenchmark(!IN_MEMORY_PAGING.equals("stock"))) {
            long loadStarted = System.nanoTime();
            loadActiveDirectory(directory);
            System.out.printf(
                    Locale.ROOT,
                    "in-memory server (AD preset, memberOf, " + IN_MEMORY_PAGING
                            + " paging): loaded %,d accounts, %,d groups, %,d direct" + " memberships in %.1f s%n",
                    ACCOUNTS,
                    GROUPS,
                    (long) ACCOUNTS * GROUPS_PER_ACCOUNT,
                    (System.nanoTime() - loadStarted) / 1e9);
            LdapSettings settings = directory.settings(
                    "active-directory",
                    Map.of(
                            "PROFILES_LDAP_PAGE_SIZE",
                            Integer.toString(PAGE_SIZE),
                            "PROFILES_LDAP_RESPONSE_TIMEOUT",
                            "10m"));
            measure(
                    settings,
                    Set.of("department", "title", "accountexpires", "manager"),
                    ACCOUNTS + 4,
                    new String[] {"objectGUID", "cn", "memberOf", "uSNChanged"},
                    new String[] {
                        "objectGUID",
                        "sAMAccountName",
                        "displayName",
                        "memberOf",
                        "userAccountControl",
                        "department",
                        "title",
                        "accountExpires",
                        "manager",
                        "uSNChanged"
                    });
        }
    }

    @Test
    void openLdapPresetFromARealSlapd() throws Exception {
        Assumptions.assumeTrue(Slapd.installed(), "skipped: " + Slapd.BINARY + " is not installed");
        Path ldif = Files.createTempFile("openprofiles-bench", ".ldif");
        try {
            long loadStarted = System.nanoTime();
            writeOpenLdap(ldif);
            try (Slapd slapd = Slapd.start(null, ldif)) {
                System.out.printf(
                        Locale.ROOT,
                        "slapd (OpenLDAP preset, member): loaded %,d accounts, %,d groups, %,d direct"
                                + " memberships with slapadd in %.1f s%n",
                        ACCOUNTS,
                        GROUPS,
                        (long) ACCOUNTS * GROUPS_PER_ACCOUNT,
                        (System.nanoTime() - loadStarted) / 1e9);
                LdapSettings settings = slapd.settings(
                        "openldap",
                        Map.of(
                                "PROFILES_LDAP_PAGE_SIZE",
                                Integer.toString(PAGE_SIZE),
                                "PROFILES_LDAP_RESPONSE_TIMEOUT",
                                "10m"));
                measure(
                        settings,
                        Set.of("departmentnumber", "title"),
                        ACCOUNTS,
                        new String[] {"entryUUID", "cn", "member", "modifyTimestamp"},
                        new String[] {
                            "entryUUID",
                            "uid",
                            "cn",
                            "pwdAccountLockedTime",
                            "departmentNumber",
                            "title",
                            "modifyTimestamp"
                        });
            }
        } finally {
            Files.deleteIfExists(ldif);
        }
    }

    private static void measure(
            LdapSettings settings,
            Set<String> catalog,
            long expectedAccounts,
            String[] groupAttributes,
            String[] accountAttributes)
            throws Exception {
        LdapDirectorySource source = new LdapDirectorySource(settings);
        // Warm-up on the same data (JIT), then the measured reads.
        source.read(DirectoryReadRequest.full(catalog), new CountingSink());

        double bare = bareSearchSeconds(settings, settings.groupFilter(), groupAttributes)
                + bareSearchSeconds(settings, settings.userFilter(), accountAttributes);
        long heapBefore = usedHeapAfterGc();
        CountingSink sink = new CountingSink();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long started = System.nanoTime();
        DirectoryReadResult result = source.read(DirectoryReadRequest.full(catalog), sink);
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        long heapAfter = usedHeapAfterGc();

        assertEquals(expectedAccounts, sink.accounts.get());
        System.out.printf(
                Locale.ROOT,
                "adapter: %,d groups then %,d accounts (%,d resolved memberships) in %,d pages of %d:"
                        + " %.1f s, %,.0f accounts/s%n",
                sink.groups.get(),
                sink.accounts.get(),
                sink.memberships.get(),
                result.pagesRead(),
                settings.pageSize(),
                seconds,
                sink.accounts.get() / seconds);
        System.out.printf(
                Locale.ROOT,
                "bare paged searches of the same groups and accounts with the same attributes"
                        + " (no conversion, no memberships): %.1f s, %,.0f accounts/s; the adapter took %.1f times as long%n",
                bare,
                sink.accounts.get() / bare,
                seconds / bare);
        System.out.printf(
                Locale.ROOT,
                "heap used after GC: before the read %,d MB, after %,d MB; highest sampled during"
                        + " the read (garbage included) %,d MB; max heap %,d MB; %d cores%n",
                heapBefore >> 20,
                heapAfter >> 20,
                sampler.highest >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
    }

    private static double bareSearchSeconds(LdapSettings settings, String filter, String[] attributes)
            throws Exception {
        try (LDAPConnection connection = new LdapConnector(settings).open()) {
            PagedSearch search = new PagedSearch(connection, settings.pageSize());
            AtomicLong entries = new AtomicLong();
            long started = System.nanoTime();
            search.run(settings.baseDn(), Filter.create(filter), attributes, page -> entries.addAndGet(page.size()));
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** Groups (every group from the 100th on nested in one of the first 100) and accounts with memberOf, as AD shows them. */
    private static void loadActiveDirectory(InMemoryDirectory directory) throws Exception {
        List<Entry> entries = new ArrayList<>(GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            Entry group = new Entry(groupDn(g));
            group.addAttribute("objectClass", "top", "group");
            group.addAttribute("cn", "Group " + g);
            group.addAttribute(
                    "objectGUID", DirectoryValues.toBinaryGuid(UUID.nameUUIDFromBytes(("group" + g).getBytes())));
            if (g >= 100) {
                group.addAttribute("memberOf", groupDn(g % 100));
            }
            entries.add(group);
        }
        directory.server().addEntries(entries);
        int batch = 10_000;
        for (int start = 0; start < ACCOUNTS; start += batch) {
            entries = new ArrayList<>(batch);
            for (int a = start; a < Math.min(ACCOUNTS, start + batch); a++) {
                Entry account = new Entry("CN=User " + a + "," + STAFF_OU);
                account.addAttribute("objectClass", "top", "user");
                account.addAttribute("cn", "User " + a);
                account.addAttribute("sAMAccountName", "user" + a);
                account.addAttribute("displayName", "User Number " + a);
                account.addAttribute(
                        "objectGUID", DirectoryValues.toBinaryGuid(UUID.nameUUIDFromBytes(("user" + a).getBytes())));
                account.addAttribute("userAccountControl", a % 50 == 0 ? "514" : "512");
                account.addAttribute("department", "Department " + (a % 40));
                account.addAttribute("title", "Title " + (a % 12));
                account.addAttribute("accountExpires", a % 3 == 0 ? "0" : "135693792000000000");
                String[] memberOf = new String[GROUPS_PER_ACCOUNT];
                for (int k = 0; k < GROUPS_PER_ACCOUNT; k++) {
                    memberOf[k] = groupDn(groupOf(a, k));
                }
                account.addAttribute("memberOf", memberOf);
                entries.add(account);
            }
            directory.server().addEntries(entries);
        }
    }

    private static String groupDn(int g) {
        return "CN=Group " + g + "," + GROUP_OU;
    }

    /** The same shape for slapadd: groupOfNames holding member DNs (accounts and nested groups), inetOrgPerson accounts. */
    private static void writeOpenLdap(Path ldif) throws Exception {
        List<List<Integer>> members = new ArrayList<>(GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            members.add(new ArrayList<>());
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            for (int k = 0; k < GROUPS_PER_ACCOUNT; k++) {
                members.get(groupOf(a, k)).add(a);
            }
        }
        String people = "ou=people,dc=example,dc=org";
        String groups = "ou=groups,dc=example,dc=org";
        try (BufferedWriter out = Files.newBufferedWriter(ldif)) {
            out.write(
                    "dn: dc=example,dc=org\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n");
            out.write("dn: " + people + "\nobjectClass: organizationalUnit\nou: people\n\n");
            out.write("dn: " + groups + "\nobjectClass: organizationalUnit\nou: groups\n\n");
            for (int a = 0; a < ACCOUNTS; a++) {
                out.write("dn: uid=user" + a + "," + people + "\nobjectClass: inetOrgPerson\nuid: user" + a
                        + "\ncn: User Number " + a
                        + "\nsn: Number " + a + "\ndepartmentNumber: Department " + (a % 40) + "\ntitle: Title "
                        + (a % 12) + "\n"
                        + (a % 50 == 0 ? "pwdAccountLockedTime: 000001010000Z\n" : "") + "\n");
            }
            for (int g = 0; g < GROUPS; g++) {
                out.write("dn: cn=group-" + g + "," + groups + "\nobjectClass: groupOfNames\ncn: group-" + g + "\n");
                for (int a : members.get(g)) {
                    out.write("member: uid=user" + a + "," + people + "\n");
                }
                for (int child = g + 100; g < 100 && child < GROUPS; child += 100) {
                    out.write("member: cn=group-" + child + "," + groups + "\n");
                }
                out.write("\n");
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Samples the used heap every 50 ms (garbage included: an upper bound of what the read holds). */
    private static final class HeapSampler extends Thread {
        volatile long highest;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            while (!isInterrupted()) {
                highest = Math.max(highest, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
