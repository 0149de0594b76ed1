package org.openprofiles.adapter.jdbc.certificate;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.security.UserId;

/** Which users exist, from {@code app_user}, in one query for any number of ids. */
public final class JdbiProfileOwners implements ProfileOwners {

    private final JdbiTransactions db;

    public JdbiProfileOwners(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Set<UserId> existing(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.withHandle(h -> h
                .createQuery("SELECT id FROM app_user WHERE id = ANY (:ids)")
                .bind("ids", ids.stream().map(UserId::value).distinct().toArray(UUID[]::new))
                .mapTo(UUID.class)
                .stream()
                .map(UserId::new)
                .collect(Collectors.toSet()));
    }
}
