package org.openprofiles.adapter.jdbc.certificate;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.CertificateRecordsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of issued certificate records, on the PostgreSQL, through the JDBI adapter. */
class JdbiCertificateRecordsContractTest extends CertificateRecordsContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
