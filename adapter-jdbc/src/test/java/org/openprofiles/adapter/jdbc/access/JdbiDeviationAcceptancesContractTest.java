package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.DeviationAcceptancesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the accepted deviations, on PostgreSQL, through the JDBI adapter. */
class JdbiDeviationAcceptancesContractTest extends DeviationAcceptancesContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
