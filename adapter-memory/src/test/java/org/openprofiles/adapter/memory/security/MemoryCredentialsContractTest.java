package org.openprofiles.adapter.memory.security;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.CredentialsContract;
import org.openprofiles.application.contract.Storage;

/** The contract of API tokens, on the in-memory adapter. */
class MemoryCredentialsContractTest extends CredentialsContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
