package org.openprofiles.adapter.memory.certificate;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.ProfileTemplatesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of profile templates, on the in-memory adapter. */
class MemoryProfileTemplatesContractTest extends ProfileTemplatesContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
