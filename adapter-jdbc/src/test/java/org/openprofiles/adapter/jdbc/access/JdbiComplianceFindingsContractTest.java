package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.ComplianceFindingsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of compliance findings, on PostgreSQL, through the JDBI adapter. */
class JdbiComplianceFindingsContractTest extends ComplianceFindingsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
