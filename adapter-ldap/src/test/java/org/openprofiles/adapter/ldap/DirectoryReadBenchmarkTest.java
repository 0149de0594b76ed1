package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openprofiles.adapter.ldap.testing.LargeDirectory;
import org.openprofiles.adapter.ldap.testing.Slapd;
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

    private static final LargeDirectory SIZE = LargeDirectory.fromSystemProperties();
    private static final int ACCOUNTS = SIZE.accounts();
    private static final int GROUPS = SIZE.groups();
    private static final int GROUPS_PER_ACCOUNT = SIZE.groupsPerAccount();
    private static final int PAGE_SIZE = Integer.getInteger("bench.pageSize", 1_000);
    /** "snapshot" (default) or "stock": the in-memory server's own paging, quadratic in the result size. */
    private static final String IN_MEMORY_PAGING = System.getProperty("bench.inMemoryPaging", "snapshot");

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

    @Test
    void activeDirectoryPresetFromTheInMemoryServer() throws Exception {
        try (InMemoryDirectory directory =
                InMemoryDirectory.activeDirectoryForBenchmark(!IN_MEMORY_PAGING.equals("stock"))) {
            long loadStarted = System.nanoTime();
            SIZE.loadActiveDirectory(directory);
            System.out.printf(
                    Locale.ROOT,
                    "in-memory server (AD preset, memberOf, " + IN_MEMORY_PAGING
                            + " paging): loaded %,d accounts, %,d groups, %,d direct" + " memberships in %.1f s%n",
                    ACCOUNTS,
                    GROUPS,
                    (long) ACCOUNTS * GROUPS_PER_ACCOUNT,
                    (System.nanoTime() - loadStarted) / 1e9);
            LdapSettings settings = directory
                    .settings(LdapSettings.Preset.ACTIVE_DIRECTORY)
                    .pageSize(PAGE_SIZE)
                    .timeouts(Duration.ofSeconds(5), Duration.ofMinutes(10))
                    .build();
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
            SIZE.writeOpenLdap(ldif);
            try (Slapd slapd = Slapd.start(null, ldif)) {
                System.out.printf(
                        Locale.ROOT,
                        "slapd (OpenLDAP preset, member): loaded %,d accounts, %,d groups, %,d direct"
                                + " memberships with slapadd in %.1f s%n",
                        ACCOUNTS,
                        GROUPS,
                        (long) ACCOUNTS * GROUPS_PER_ACCOUNT,
                        (System.nanoTime() - loadStarted) / 1e9);
                LdapSettings settings = slapd.settings(LdapSettings.Preset.OPENLDAP)
                        .pageSize(PAGE_SIZE)
                        .timeouts(Duration.ofSeconds(5), Duration.ofMinutes(10))
                        .build();
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
