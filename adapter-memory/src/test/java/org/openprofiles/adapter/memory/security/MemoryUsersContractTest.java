package org.openprofiles.adapter.memory.security;

import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.contract.Storage;
import org.openprofiles.application.contract.UsersContract;

/** The contract of users, on the in-memory adapter. */
class MemoryUsersContractTest extends UsersContract {

    @Override
    protected Storage openStorage() {
        return new MemoryStorage();
    }
}
