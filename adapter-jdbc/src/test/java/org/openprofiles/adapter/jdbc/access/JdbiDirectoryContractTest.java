package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.DirectoryContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the directory, on PostgreSQL, through the JDBI adapter. */
class JdbiDirectoryContractTest extends DirectoryContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
