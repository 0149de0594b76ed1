package org.openprofiles.adapter.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UnboundID's in-memory LDAP server, listening on a loopback port, with the standard schema plus
 * a fixture's schema extension, loaded from an LDIF fixture. It counts the paged search requests
 * it receives; for the Active Directory fixture it also behaves as AD does (USNs, memberOf).
 */
public final class InMemoryDirectory implements DirectoryServer {

    public static final String AD_BASE = "DC=corp,DC=example,DC=com";
    public static final String AD_BIND_DN = "CN=svc-openprofiles,OU=Service,DC=corp,DC=example,DC=com";
    public static final String OPENLDAP_BASE = "dc=example,dc=org";
    public static final String OPENLDAP_BIND_DN = "cn=admin,dc=example,dc=org";
    public static final String PASSWORD = "Sw0rdfish-not-a-real-one";

    private final InMemoryDirectoryServer server;
    private final String baseDn;
    private final String bindDn;
    private final AtomicLong pagedSearches;
    private final ActiveDirectoryBehaviour activeDirectory;

    private InMemoryDirectory(
            InMemoryDirectoryServer server,
            String baseDn,
            String bindDn,
            AtomicLong pagedSearches,
            ActiveDirectoryBehaviour activeDirectory) {
        this.server = server;
        this.baseDn = baseDn;
        this.bindDn = bindDn;
        this.pagedSearches = pagedSearches;
        this.activeDirectory = activeDirectory;
    }

    /** How to start one: which fixture, and what the test needs besides. */
    private record Setup(
            boolean activeDirectory,
            boolean checkSchema,
            boolean snapshotPaging,
            InMemoryListenerConfig listener,
            InMemoryOperationInterceptor first) {}

    /** The Active Directory-like fixture. */
    public static InMemoryDirectory activeDirectory() {
        return start(new Setup(true, true, false, null, null));
    }

    /** The Active Directory-like fixture behind this listener (LDAPS, StartTLS). */
    public static InMemoryDirectory activeDirectory(InMemoryListenerConfig listener) {
        return start(new Setup(true, true, false, listener, null));
    }

    /** The Active Directory-like fixture with one more interceptor, which sees requests first. */
    public static InMemoryDirectory activeDirectory(InMemoryOperationInterceptor first) {
        return start(new Setup(true, true, false, null, first));
    }

    /**
     * For the benchmark: the Active Directory-like fixture on a server that checks no schema (schema
     * checks of every DN value dominate loading hundreds of thousands of entries), paging as the
     * server itself does or, with {@code snapshotPaging}, through {@link SnapshotPaging}.
     */
    public static InMemoryDirectory activeDirectoryForBenchmark(boolean snapshotPaging) {
        return start(new Setup(true, false, snapshotPaging, null, null));
    }

    /** The OpenLDAP-style fixture. */
    public static InMemoryDirectory openLdap() {
        return start(new Setup(false, true, false, null, null));
    }

    private static InMemoryDirectory start(Setup setup) {
        boolean ad = setup.activeDirectory();
        String base = ad ? AD_BASE : OPENLDAP_BASE;
        String bindDn = ad ? AD_BIND_DN : OPENLDAP_BIND_DN;
        String schema = ad ? "active-directory-schema.ldif" : "openldap-schema.ldif";
        String fixture = ad ? "active-directory.ldif" : "openldap.ldif";
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
            config.addAdditionalBindCredentials(bindDn, PASSWORD);
            config.setListenerConfigs(
                    setup.listener() != null
                            ? setup.listener()
                            : InMemoryListenerConfig.createLDAPConfig(
                                    "loopback", InetAddress.getLoopbackAddress(), 0, null));
            try (InputStream extension = resource(schema)) {
                config.setSchema(
                        setup.checkSchema()
                                ? Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(extension))
                                : null);
            }
            if (setup.first() != null) {
                config.addInMemoryOperationInterceptor(setup.first());
            }
            AtomicLong paged = new AtomicLong();
            config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                @Override
                public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                    if (request.getRequest().hasControl(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                        paged.incrementAndGet();
                    }
                }
            });
            SnapshotPaging snapshots = setup.snapshotPaging() ? new SnapshotPaging() : null;
            if (snapshots != null) {
                config.addInMemoryOperationInterceptor(snapshots);
            }
            ActiveDirectoryBehaviour behaviour = null;
            if (ad) {
                behaviour = new ActiveDirectoryBehaviour();
                config.addInMemoryOperationInterceptor(behaviour);
                // AD drops links to a deleted object from member and memberOf.
                config.setReferentialIntegrityAttributes("member", "memberOf");
            } else {
                config.setReferentialIntegrityAttributes("member");
            }
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (InputStream ldif = resource(fixture)) {
                server.importFromLDIF(true, new LDIFReader(ldif));
            }
            if (behaviour != null) {
                behaviour.attach(server);
            }
            if (snapshots != null) {
                snapshots.attach(server);
            }
            server.startListening();
            return new InMemoryDirectory(server, base, bindDn, paged, behaviour);
        } catch (Exception e) {
            throw new IllegalStateException("in-memory directory did not start", e);
        }
    }

    public static InputStream resource(String name) {
        InputStream in = InMemoryDirectory.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    /** The AD behaviour (USN counter, server identity); only for the Active Directory fixture. */
    public ActiveDirectoryBehaviour activeDirectoryBehaviour() {
        return activeDirectory;
    }

    @Override
    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    @Override
    public String baseDn() {
        return baseDn;
    }

    @Override
    public String bindDn() {
        return bindDn;
    }

    @Override
    public String bindPassword() {
        return PASSWORD;
    }

    @Override
    public LDAPConnection admin() throws LDAPException {
        return server.getConnection();
    }

    @Override
    public long pagedSearches() {
        return pagedSearches.get();
    }

    @Override
    public void stop() {
        server.shutDown(true);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
