package org.openprofiles.adapter.memory.security;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.AuditTrailContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the audit trail, on the in-memory adapter. */
class MemoryAuditTrailContractTest extends AuditTrailContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
