package org.openprofiles.adapter.jdbc.certificate;

import org.openprofiles.adapter.jdbc.testing.JdbiStorage;
import org.openprofiles.application.contract.CertificateProfilesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of certificate profiles, on PostgreSQL, through the JDBI adapter. */
class JdbiCertificateProfilesContractTest extends CertificateProfilesContract {

    @Override
    protected Storage openStorage() {
        return JdbiStorage.fresh();
    }
}
