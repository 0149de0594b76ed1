package org.openprofiles.adapter.memory.shared;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.ChangeFeedContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the change feed, on the in-memory adapter. */
class MemoryChangeFeedContractTest extends ChangeFeedContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
