package org.openprofiles.adapter.memory.certificate;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.CertificateProfilesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of certificate profiles, on the in-memory adapter. */
class MemoryCertificateProfilesContractTest extends CertificateProfilesContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
