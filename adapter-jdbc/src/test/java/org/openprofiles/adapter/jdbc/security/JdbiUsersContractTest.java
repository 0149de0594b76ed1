package org.openprofiles.adapter.jdbc.security;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.Storage;
import org.openprofiles.application.contract.UsersContract;

/** The contract of users, on PostgreSQL, through the JDBI adapter. */
class JdbiUsersContractTest extends UsersContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
