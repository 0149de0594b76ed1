package org.openprofiles.adapter.jdbc.security;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.AuditTrailContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the audit trail, on PostgreSQL, through the JDBI adapter. */
class JdbiAuditTrailContractTest extends AuditTrailContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
