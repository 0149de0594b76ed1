package org.openprofiles.adapter.ldap.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the in-memory server behave as Active Directory does where the adapter relies on it:
 * every add and modify gets the next update sequence number in {@code uSNChanged}, the root DSE
 * shows {@code highestCommittedUSN} and the domain controller's {@code dsServiceName}, and a change
 * to a group's {@code member} is mirrored into the member's {@code memberOf} back-link (which, as in
 * AD, does not change the member's uSNChanged).
 */
public final class ActiveDirectoryBehaviour extends InMemoryOperationInterceptor {

    private final AtomicLong usn = new AtomicLong(1000);
    private volatile String serviceName =
            "CN=NTDS Settings,CN=DC1,CN=Servers,CN=Site,CN=Sites,CN=Configuration," + InMemoryDirectory.AD_BASE;
    private volatile InMemoryDirectoryServer server;

    public void attach(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** Pretends the client now talks to another domain controller. */
    public void becomeAnotherDomainController() {
        serviceName = serviceName.replace("CN=DC1", "CN=DC2");
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) {
        Entry entry = request.getRequest().toEntry();
        String next = Long.toString(usn.incrementAndGet());
        entry.setAttribute("uSNCreated", next);
        entry.setAttribute("uSNChanged", next);
        request.setRequest(new AddRequest(entry));
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
        ModifyRequest modify = request.getRequest().duplicate();
        List<Modification> modifications = new ArrayList<>(modify.getModifications());
        modifications.add(
                new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(usn.incrementAndGet())));
        request.setRequest(new ModifyRequest(modify.getDN(), modifications, modify.getControls()));
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        if (result.getResult().getResultCode() != ResultCode.SUCCESS) {
            return;
        }
        String group = result.getRequest().getDN();
        for (Modification m : result.getRequest().getModifications()) {
            if (!m.getAttributeName().equalsIgnoreCase("member")) {
                continue;
            }
            ModificationType backLink =
                    m.getModificationType() == ModificationType.DELETE ? ModificationType.DELETE : ModificationType.ADD;
            for (String member : m.getValues()) {
                try {
                    // Straight to the server's data: not seen by interceptors, so no USN change for the member.
                    server.modify(member, new Modification(backLink, "memberOf", group));
                } catch (LDAPException e) {
                    throw new IllegalStateException("could not mirror memberOf of " + member, e);
                }
            }
        }
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
        if (entry.getSearchEntry().getDN().isEmpty()) {
            Entry root = entry.getSearchEntry().duplicate();
            root.setAttribute("highestCommittedUSN", Long.toString(usn.get()));
            root.setAttribute("dsServiceName", serviceName);
            entry.setSearchEntry(root);
        }
    }
}
