package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.ComplianceFindingsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of compliance findings, on the in-memory adapter. */
class MemoryComplianceFindingsContractTest extends ComplianceFindingsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
