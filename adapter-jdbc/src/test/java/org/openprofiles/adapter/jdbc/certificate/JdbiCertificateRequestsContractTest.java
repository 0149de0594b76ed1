package org.openprofiles.adapter.jdbc.certificate;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.CertificateRequestsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of certificate requests, on PostgreSQL, through the JDBI adapter. */
class JdbiCertificateRequestsContractTest extends CertificateRequestsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
