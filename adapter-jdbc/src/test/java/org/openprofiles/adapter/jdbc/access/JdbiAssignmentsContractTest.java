package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.AssignmentsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of assignments, on PostgreSQL, through the JDBI adapter. */
class JdbiAssignmentsContractTest extends AssignmentsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
