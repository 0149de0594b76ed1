package org.openprofiles.adapter.memory.shared;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.Storage;
import org.openprofiles.application.contract.TransactionsContract;

/** The contract of the unit of work, on the in-memory adapter. */
class MemoryTransactionsContractTest extends TransactionsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
