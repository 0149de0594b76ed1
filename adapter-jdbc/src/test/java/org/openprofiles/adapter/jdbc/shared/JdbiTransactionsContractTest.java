package org.openprofiles.adapter.jdbc.shared;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.Storage;
import org.openprofiles.application.contract.TransactionsContract;

/** The contract of the unit of work, on PostgreSQL, through the JDBI adapter. */
class JdbiTransactionsContractTest extends TransactionsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
