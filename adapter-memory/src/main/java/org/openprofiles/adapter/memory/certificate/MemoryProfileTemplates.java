package org.openprofiles.adapter.memory.certificate;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryCursors;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Profile templates by id; the list is ordered by name (as text), then id. */
final class MemoryProfileTemplates implements ProfileTemplates {

    /** The list's order: name, then id. */
    private record Key(String name, UUID id) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::name).thenComparing(Key::id, Listing.IDS);
    }

    private final MemoryTransactions transactions;
    private final Table<TemplateId, ProfileTemplate> templates;

    MemoryProfileTemplates(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.templates = new Table<>(transactions);
    }

    @Override
    public Optional<ProfileTemplate> find(TemplateId id) {
        return transactions.read(() -> templates.get(id));
    }

    @Override
    public Map<TemplateId, ProfileTemplate> findAll(Collection<TemplateId> ids) {
        return transactions.read(() -> {
            Map<TemplateId, ProfileTemplate> found = new LinkedHashMap<>();
            templates.rowsOf(ids).forEach(t -> found.put(t.id(), t));
            return found;
        });
    }

    @Override
    public void add(ProfileTemplate template) {
        transactions.write(() -> {
            if (templates.contains(template.id())) {
                throw ProfileTemplate.idTaken(template.id());
            }
            templates.put(template.id(), template);
            transactions.changed(new ChangeFeed.Change(
                    ChangeFeed.Topic.PROFILE_TEMPLATE, template.id().value()));
            return null;
        });
    }

    @Override
    public void update(ProfileTemplate revised, long expectedVersion) {
        transactions.write(() -> {
            ProfileTemplate stored =
                    templates.get(revised.id()).orElseThrow(() -> ProfileTemplate.notFound(revised.id()));
            if (stored.version() != expectedVersion) {
                throw ProfileTemplate.changedMeanwhile();
            }
            templates.put(revised.id(), revised);
            transactions.changed(new ChangeFeed.Change(
                    ChangeFeed.Topic.PROFILE_TEMPLATE, revised.id().value()));
            return null;
        });
    }

    @Override
    public Page<ProfileTemplate> list(PageRequest page) {
        Optional<Key> after = page.cursor().map(c -> {
            List<String> parts = MemoryCursors.decode(c, 2);
            return new Key(parts.get(0), MemoryCursors.uuid(parts.get(1)));
        });
        return transactions.read(() -> Listing.page(
                templates.rows(),
                t -> new Key(t.name(), t.id().value()),
                Key.ORDER,
                after,
                page,
                last -> MemoryCursors.encode(last.name(), last.id().toString())));
    }
}
