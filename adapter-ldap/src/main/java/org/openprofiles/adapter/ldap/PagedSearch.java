package org.openprofiles.adapter.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A subtree search read in pages with the simple paged results control (RFC 2696), each page
 * handed on as it arrives. The next page is asked for while the handler works on the current one
 * (on a thread of this search), so the server prepares a page while the client converts the last;
 * at most {@link #PAGES_AHEAD} pages wait besides the one being handled and the one being read, so
 * memory stays bounded. A failure of either side ends the other: the server's comes out of
 * {@link #run} as the {@link LDAPException} it was, the handler's unchanged.
 */
final class PagedSearch {

    /** Receives one page of entries. */
    interface PageHandler {
        void page(List<SearchResultEntry> entries);
    }

    private static final int PAGES_AHEAD = 1;

    /** What the reading thread hands over: a page, the end, or its failure. */
    private sealed interface Item {}

    private record Page(List<SearchResultEntry> entries) implements Item {}

    private record End() implements Item {}

    private record Failed(Throwable cause) implements Item {}

    private final LDAPConnection connection;
    private final int pageSize;
    private final AtomicLong pages = new AtomicLong();

    PagedSearch(LDAPConnection connection, int pageSize) {
        this.connection = connection;
        this.pageSize = pageSize;
    }

    /** Pages requested so far. */
    long pages() {
        return pages.get();
    }

    void run(String baseDn, Filter filter, String[] attributes, PageHandler handler) throws LDAPException {
        BlockingQueue<Item> ready = new ArrayBlockingQueue<>(PAGES_AHEAD);
        Reader reader = new Reader(baseDn, filter, attributes, ready);
        Thread thread = new Thread(reader, "ldap-paged-search");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Item item = ready.take();
                if (item instanceof Page page) {
                    handler.page(page.entries());
                } else if (item instanceof End) {
                    return;
                } else if (((Failed) item).cause() instanceof LDAPException e) {
                    throw e;
                } else if (((Failed) item).cause() instanceof RuntimeException e) {
                    throw e;
                } else {
                    throw (Error) ((Failed) item).cause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LDAPException(ResultCode.USER_CANCELED, "the read was interrupted");
        } finally {
            reader.stopped = true;
            thread.interrupt();
        }
    }

    /** Reads the pages one after the other on its own thread. */
    private final class Reader implements Runnable {
        private final String baseDn;
        private final Filter filter;
        private final String[] attributes;
        private final BlockingQueue<Item> ready;
        volatile boolean stopped;

        Reader(String baseDn, Filter filter, String[] attributes, BlockingQueue<Item> ready) {
            this.baseDn = baseDn;
            this.filter = filter;
            this.attributes = attributes;
            this.ready = ready;
        }

        @Override
        public void run() {
            Item last;
            try {
                ASN1OctetString cookie = null;
                do {
                    SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
                    // Critical: a server that cannot page must refuse rather than send everything at once.
                    request.addControl(new SimplePagedResultsControl(pageSize, cookie, true));
                    SearchResult result = connection.search(request);
                    pages.incrementAndGet();
                    if (!hand(new Page(result.getSearchEntries()))) {
                        return;
                    }
                    SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                    cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
                } while (cookie != null);
                last = new End();
            } catch (LDAPException | RuntimeException | Error e) {
                last = new Failed(e);
            }
            hand(last);
        }

        /** Waits for room; false once the handling side stopped (then nothing more is read). */
        private boolean hand(Item item) {
            try {
                while (!ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        return false;
                    }
                }
                return !stopped;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }
}
