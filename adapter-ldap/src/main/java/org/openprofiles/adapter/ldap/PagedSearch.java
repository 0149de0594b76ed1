package org.openprofiles.adapter.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;

/**
 * A subtree search read in pages with the simple paged results control (RFC 2696): only one page
 * of entries is held at a time, and each page is handed on before the next is asked for.
 */
final class PagedSearch {

    /** Receives one page of entries. */
    interface PageHandler {
        void page(List<SearchResultEntry> entries);
    }

    private final LDAPConnection connection;
    private final int pageSize;
    private long pages;

    PagedSearch(LDAPConnection connection, int pageSize) {
        this.connection = connection;
        this.pageSize = pageSize;
    }

    /** Pages requested so far. */
    long pages() {
        return pages;
    }

    void run(String baseDn, Filter filter, String[] attributes, PageHandler handler) throws LDAPException {
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
            // Critical: a server that cannot page must refuse rather than send everything at once.
            request.addControl(new SimplePagedResultsControl(pageSize, cookie, true));
            SearchResult result = connection.search(request);
            pages++;
            handler.page(result.getSearchEntries());
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
        } while (cookie != null);
    }
}
