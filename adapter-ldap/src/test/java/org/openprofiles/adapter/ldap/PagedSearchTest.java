package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;

/** Paged searches read ahead: the server prepares the next page while the client handles the last. */
class PagedSearchTest {

    private static final Filter EVERYTHING = Filter.createPresenceFilter("objectClass");

    @Test
    void theNextPageIsAskedForWhileTheHandlerWorksOnTheLastOne() throws Exception {
        try (InMemoryDirectory directory = InMemoryDirectory.activeDirectory();
                LDAPConnection connection = directory.admin()) {
            long before = directory.pagedSearches();
            List<Long> askedWhileHandlingTheFirst = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            PagedSearch search = new PagedSearch(connection, 2);
            search.run(directory.baseDn(), EVERYTHING, new String[] {"1.1"}, page -> {
                if (sizes.isEmpty()) {
                    long deadline = System.nanoTime() + 5_000_000_000L;
                    while (directory.pagedSearches() - before < 2 && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    askedWhileHandlingTheFirst.add(directory.pagedSearches() - before);
                }
                sizes.add(page.size());
            });

            // Two or three: the second page, and perhaps the third once the second was waiting.
            assertTrue(
                    askedWhileHandlingTheFirst.get(0) >= 2,
                    "pages asked for while the first was handled: " + askedWhileHandlingTheFirst);
            assertEquals(search.pages(), sizes.size());
            assertEquals(directory.pagedSearches() - before, search.pages(), "no page asked for beyond the last");
        }
    }

    @Test
    void aHandlersFailureStopsTheReadAndComesOutUnchanged() throws Exception {
        try (InMemoryDirectory directory = InMemoryDirectory.activeDirectory();
                LDAPConnection connection = directory.admin()) {
            IllegalStateException failure = new IllegalStateException("sink full");
            PagedSearch search = new PagedSearch(connection, 2);
            IllegalStateException thrown = assertThrows(
                    IllegalStateException.class,
                    () -> search.run(directory.baseDn(), EVERYTHING, new String[] {"1.1"}, page -> {
                        throw failure;
                    }));
            assertSame(failure, thrown);
            Thread.sleep(300);
            PagedSearch whole = new PagedSearch(connection, 2);
            whole.run(directory.baseDn(), EVERYTHING, new String[] {"1.1"}, page -> {});
            // The failed page, the page in flight and the one read ahead at most: not on to the end.
            assertTrue(search.pages() <= 3 && whole.pages() > 3, search.pages() + " of " + whole.pages() + " pages");
        }
    }
}
