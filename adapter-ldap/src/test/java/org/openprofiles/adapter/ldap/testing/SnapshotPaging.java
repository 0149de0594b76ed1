package org.openprofiles.adapter.ldap.testing;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.SearchEntryParer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ReadOnlyEntry;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the benchmark only: serves simple paged results (RFC 2696) as directory servers with indexes
 * do — each page costs the entries it returns — instead of the in-memory server's own paging, which
 * for every page collects all matching entries again and trims the list one element at a time from
 * the front and the back (InMemoryRequestHandler processSearchRequest, UnboundID 7.0.3): quadratic
 * in the size of the result, which made the server, not the adapter, the limit at 100,000 accounts.
 *
 * <p>The first page takes the server's own snapshot of its entries (a copy of the map of references,
 * linear in the entry count) and the cookie names a cursor into it; each page walks the cursor on
 * until it has found a page of entries in the search's base, scope and filter, pares them to the
 * requested attributes as the server does, and sends them. Reading an entry by DN instead
 * ({@code getEntry}, a base search) allocated a list as long as the whole directory per entry.
 * The server's own search is then turned into an empty one whose result carries the cookie.
 */
public final class SnapshotPaging extends InMemoryOperationInterceptor {

    private static final String NEXT_COOKIE = "openprofiles.nextCookie";
    private final Map<String, Iterator<Map.Entry<DN, ReadOnlyEntry>>> cursors = new ConcurrentHashMap<>();
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
        String id = paged.getCookie() == null ? "" : paged.getCookie().stringValue();
        if (id.isEmpty()) {
            id = Long.toString(ids.incrementAndGet());
            cursors.put(id, server.createSnapshot().getEntryMap().entrySet().iterator());
        }
        Iterator<Map.Entry<DN, ReadOnlyEntry>> cursor = cursors.get(id);
        if (cursor == null) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "unknown paged results cookie");
        }
        Schema schema = server.getSchema();
        DN base = new DN(search.getBaseDN(), schema);
        SearchScope scope = search.getScope();
        Filter filter = search.getFilter();
        SearchEntryParer parer = new SearchEntryParer(search.getAttributeList(), schema);
        int sent = 0;
        while (sent < paged.getSize() && cursor.hasNext()) {
            Map.Entry<DN, ReadOnlyEntry> next = cursor.next();
            if (next.getKey().matchesBaseAndScope(base, scope) && filter.matchesEntry(next.getValue(), schema)) {
                request.sendSearchEntry(parer.pareEntry(next.getValue()));
                sent++;
            }
        }
        boolean more = cursor.hasNext();
        if (!more) {
            cursors.remove(id);
        }
        request.setProperty(NEXT_COOKIE, more ? id : "");
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
