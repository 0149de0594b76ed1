package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.AccessProfilesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of access profiles, on the in-memory adapter. */
class MemoryAccessProfilesContractTest extends AccessProfilesContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
