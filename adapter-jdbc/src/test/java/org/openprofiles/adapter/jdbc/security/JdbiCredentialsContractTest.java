package org.openprofiles.adapter.jdbc.security;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.CredentialsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of API tokens, on PostgreSQL, through the JDBI adapter. */
class JdbiCredentialsContractTest extends CredentialsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
