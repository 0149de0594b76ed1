package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.AccessSettingsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the access settings, on the in-memory adapter. */
class MemoryAccessSettingsContractTest extends AccessSettingsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
