package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openprofiles.adapter.ldap.testing.LargeDirectory;
import org.openprofiles.adapter.ldap.testing.SnapshotPaging;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryReadResult;

/**
 * The benchmarks' {@link SnapshotPaging} must serve exactly what the in-memory server's own paging
 * serves — the same entries, attributes and order, in pages no larger than asked for — or the
 * benchmark would measure a different read.
 */
class SnapshotPagingTest {

    private static final LargeDirectory SIZE = new LargeDirectory(61, 13, 3);

    @Test
    void snapshotPagingDeliversWhatTheServersOwnPagingDelivers() throws Exception {
        RecordingSink stock = read(false);
        RecordingSink snapshot = read(true);

        assertEquals(SIZE.groups() + 7, stock.groups().size(), "the fixture's groups plus the loaded ones");
        assertEquals(stock.groups(), snapshot.groups());
        assertEquals(stock.accounts(), snapshot.accounts());
        assertTrue(snapshot.accountPages.stream().allMatch(p -> p.size() <= 7), "no page larger than asked for");
        assertTrue(snapshot.accountPages.size() >= (SIZE.accounts() + 4) / 7, "read in pages");
    }

    private static RecordingSink read(boolean snapshotPaging) throws Exception {
        try (InMemoryDirectory directory = InMemoryDirectory.activeDirectoryForBenchmark(snapshotPaging)) {
            SIZE.loadActiveDirectory(directory);
            RecordingSink sink = new RecordingSink();
            DirectoryReadResult result = new LdapDirectorySource(directory
                            .settings(LdapSettings.Preset.ACTIVE_DIRECTORY)
                            .pageSize(7)
                            .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
                            .build())
                    .read(DirectoryReadRequest.full(Set.of("department", "title", "accountexpires")), sink);
            assertEquals(SIZE.accounts() + 4, result.accountsRead());
            return sink;
        }
    }
}
