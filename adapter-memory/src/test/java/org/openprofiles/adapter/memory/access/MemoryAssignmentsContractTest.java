package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.AssignmentsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of assignments, on the in-memory adapter. */
class MemoryAssignmentsContractTest extends AssignmentsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
