package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.DeviationAcceptancesContract;
import org.openprofiles.application.contract.Storage;

/** The contract of the accepted deviations, in memory. */
class MemoryDeviationAcceptancesContractTest extends DeviationAcceptancesContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
