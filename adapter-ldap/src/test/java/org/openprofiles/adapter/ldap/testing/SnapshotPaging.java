package org.openprofiles.adapter.ldap.testing;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the benchmark only: serves simple paged results (RFC 2696) from a snapshot of the matching
 * DNs taken on the first page, as directory servers with indexes do, instead of the in-memory
 * server's own paging, which for every page collects all matching entries again and trims the
 * list one element at a time from the front and the back (InMemoryRequestHandler
 * processSearchRequest, UnboundID 7.0.3): quadratic in the size of the result, which made the
 * server, not the adapter, the limit at 100,000 accounts. Each page's entries are read from the
 * server with the attributes asked for and sent; the server's own search is then turned into an
 * empty one whose result carries the cookie.
 */
public final class SnapshotPaging extends InMemoryOperationInterceptor {

    private static final String NEXT_COOKIE = "openprofiles.nextCookie";
    private final Map<String, List<String>> snapshots = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile InMemoryDirectoryServer server;

    public void attach(InMemoryDirectoryServer server) {
        this.server = server;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        ReadOnlySearchRequest search = request.getRequest();
        Control control = search.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        if (control == null) {
            return;
        }
        SimplePagedResultsControl paged =
                new SimplePagedResultsControl(control.getOID(), control.isCritical(), control.getValue());
        String cookie = paged.getCookie() == null ? "" : paged.getCookie().stringValue();
        String id;
        int offset;
        if (cookie.isEmpty()) {
            id = Long.toString(ids.incrementAndGet());
            offset = 0;
            snapshots.put(
                    id,
                    server
                            .search(search.getBaseDN(), search.getScope(), search.getFilter(), "1.1")
                            .getSearchEntries()
                            .stream()
                            .map(SearchResultEntry::getDN)
                            .toList());
        } else {
            id = cookie.substring(0, cookie.indexOf(':'));
            offset = Integer.parseInt(cookie.substring(cookie.indexOf(':') + 1));
        }
        List<String> dns = snapshots.get(id);
        int end = Math.min(dns.size(), offset + paged.getSize());
        String[] attributes = search.getAttributeList().toArray(String[]::new);
        for (String dn : dns.subList(offset, end)) {
            SearchResultEntry entry = server.getEntry(dn, attributes);
            if (entry != null) {
                request.sendSearchEntry(entry);
            }
        }
        if (end >= dns.size()) {
            snapshots.remove(id);
        }
        request.setProperty(NEXT_COOKIE, end < dns.size() ? id + ":" + end : "");
        request.setRequest(new SearchRequest(
                search.getBaseDN(),
                SearchScope.BASE,
                Filter.createEqualityFilter("objectClass", "openprofiles-matches-nothing"),
                "1.1"));
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        Object next = result.getProperty(NEXT_COOKIE);
        if (next != null) {
            LDAPResult done = result.getResult();
            result.setResult(new LDAPResult(done.getMessageID(), ResultCode.SUCCESS, null, null, null, new Control[] {
                new SimplePagedResultsControl(0, new ASN1OctetString((String) next), false)
            }));
        }
    }
}
