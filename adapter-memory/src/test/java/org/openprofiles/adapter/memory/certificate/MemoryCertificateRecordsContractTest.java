package org.openprofiles.adapter.memory.certificate;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.CertificateRecordsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of issued certificate records, on the in-memory adapter. */
class MemoryCertificateRecordsContractTest extends CertificateRecordsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
