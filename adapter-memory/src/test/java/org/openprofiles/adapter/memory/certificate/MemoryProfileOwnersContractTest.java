package org.openprofiles.adapter.memory.certificate;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.ProfileOwnersContract;
import org.openprofiles.application.contract.Storage;

/** The contract of profile owners, on the in-memory adapter. */
class MemoryProfileOwnersContractTest extends ProfileOwnersContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
