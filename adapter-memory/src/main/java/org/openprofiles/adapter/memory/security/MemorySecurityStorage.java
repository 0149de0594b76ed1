package org.openprofiles.adapter.memory.security;

import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Users;

/** The security context's storage in memory: users, their API tokens and the audit trail. */
public final class MemorySecurityStorage {

    private final MemoryUsers users;
    private final MemoryCredentials credentials;
    private final MemoryAuditTrail auditTrail;

    /** Empty storage whose changes join the units of work of {@code transactions}. */
    public MemorySecurityStorage(MemoryTransactions transactions) {
        this.users = new MemoryUsers(transactions);
        this.credentials = new MemoryCredentials(transactions, users);
        this.auditTrail = new MemoryAuditTrail(transactions);
    }

    public Users users() {
        return users;
    }

    public Credentials credentials() {
        return credentials;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }
}
