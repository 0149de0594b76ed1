package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.DirectorySyncsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the directory syncs, in memory. */
class MemoryDirectorySyncsContractTest extends DirectorySyncsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
