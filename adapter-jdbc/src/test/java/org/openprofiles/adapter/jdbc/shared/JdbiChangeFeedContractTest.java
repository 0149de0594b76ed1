package org.openprofiles.adapter.jdbc.shared;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.ChangeFeedContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the change feed, on PostgreSQL (LISTEN/NOTIFY), through the JDBI adapter. */
class JdbiChangeFeedContractTest extends ChangeFeedContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
