package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.AttributeCatalogsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the attribute catalog, on PostgreSQL, through the JDBI adapter. */
class JdbiAttributeCatalogsContractTest extends AttributeCatalogsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
