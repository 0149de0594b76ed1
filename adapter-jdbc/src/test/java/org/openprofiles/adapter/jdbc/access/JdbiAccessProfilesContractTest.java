package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.AccessProfilesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of access profiles, on PostgreSQL, through the JDBI adapter. */
class JdbiAccessProfilesContractTest extends AccessProfilesContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
