package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.DirectoryContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the directory, on the in-memory adapter. */
class MemoryDirectoryContractTest extends DirectoryContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
