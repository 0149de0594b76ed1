package org.openprofiles.adapter.memory.access;

import java.util.Optional;
import org.openprofiles.adapter.memory.access.AccessTables.AcceptanceKey;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.NewestFirst;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationAcceptances;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Accepted deviations by id, with a second table keeping one per account and deviation. */
final class MemoryDeviationAcceptances implements DeviationAcceptances {

    private final AccessTables tables;

    MemoryDeviationAcceptances(AccessTables tables) {
        this.tables = tables;
    }

    @Override
    public Optional<DeviationAcceptance> save(DeviationAcceptance acceptance) {
        return tables.transactions.write(() -> {
            AcceptanceKey key = new AcceptanceKey(acceptance.account(), acceptance.deviation());
            Optional<DeviationAcceptance> replaced =
                    tables.acceptanceKeys.get(key).flatMap(tables.acceptances::get);
            replaced.ifPresent(r -> tables.acceptances.remove(r.id()));
            tables.acceptances.put(acceptance.id(), acceptance);
            tables.acceptanceKeys.put(key, acceptance.id());
            return replaced;
        });
    }

    @Override
    public Optional<DeviationAcceptance> find(AcceptanceId id) {
        return tables.transactions.read(() -> tables.acceptances.get(id));
    }

    @Override
    public boolean remove(AcceptanceId id) {
        return tables.transactions.write(() -> {
            Optional<DeviationAcceptance> stored = tables.acceptances.get(id);
            stored.ifPresent(a -> {
                tables.acceptances.remove(id);
                tables.acceptanceKeys.remove(new AcceptanceKey(a.account(), a.deviation()));
            });
            return stored.isPresent();
        });
    }

    @Override
    public Page<DeviationAcceptance> list(Optional<AccountId> account, PageRequest page) {
        Optional<NewestFirst> after = page.cursor().map(NewestFirst::after);
        return tables.transactions.read(() -> Listing.page(
                tables.acceptances.rows().stream()
                        .filter(a -> account.map(a.account()::equals).orElse(true))
                        .toList(),
                a -> new NewestFirst(a.acceptedAt(), a.id().value()),
                NewestFirst.ORDER,
                after,
                page,
                a -> new NewestFirst(a.acceptedAt(), a.id().value()).cursor()));
    }
}
