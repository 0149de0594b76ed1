package org.openprofiles.adapter.memory.certificate;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;

/** Which users exist, asked of the users port in one read. */
final class MemoryProfileOwners implements ProfileOwners {

    private final MemoryTransactions transactions;
    private final Users users;

    MemoryProfileOwners(MemoryTransactions transactions, Users users) {
        this.transactions = transactions;
        this.users = users;
    }

    @Override
    public Set<UserId> existing(Collection<UserId> ids) {
        return transactions.read(
                () -> ids.stream().filter(id -> users.find(id).isPresent()).collect(Collectors.toSet()));
    }
}
