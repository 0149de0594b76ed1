package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.AttributeCatalogsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the attribute catalog, on the in-memory adapter. */
class MemoryAttributeCatalogsContractTest extends AttributeCatalogsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
