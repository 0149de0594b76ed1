package org.openprofiles.adapter.jdbc.certificate;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.ProfileOwnersContract;
import org.openprofiles.application.contract.Storage;

/** The contract of profile owners, on PostgreSQL, through the JDBI adapter. */
class JdbiProfileOwnersContractTest extends ProfileOwnersContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
