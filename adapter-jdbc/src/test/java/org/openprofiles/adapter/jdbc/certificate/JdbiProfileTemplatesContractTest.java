package org.openprofiles.adapter.jdbc.certificate;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.ProfileTemplatesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of profile templates, on PostgreSQL, through the JDBI adapter. */
class JdbiProfileTemplatesContractTest extends ProfileTemplatesContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
