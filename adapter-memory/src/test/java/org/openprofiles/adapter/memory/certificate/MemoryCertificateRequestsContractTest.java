package org.openprofiles.adapter.memory.certificate;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.CertificateRequestsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of certificate requests, on the in-memory adapter. */
class MemoryCertificateRequestsContractTest extends CertificateRequestsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
