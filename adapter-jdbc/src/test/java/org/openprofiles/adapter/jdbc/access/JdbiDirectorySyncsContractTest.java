package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.DirectorySyncsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the directory syncs, on PostgreSQL, through the JDBI adapter. */
class JdbiDirectorySyncsContractTest extends DirectorySyncsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
