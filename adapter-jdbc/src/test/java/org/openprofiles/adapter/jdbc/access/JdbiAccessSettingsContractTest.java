package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.AccessSettingsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the access settings, on PostgreSQL, through the JDBI adapter. */
class JdbiAccessSettingsContractTest extends AccessSettingsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
