package org.openprofiles.application.certificate;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.application.shared.ChangeAwareCache;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The profile templates port with the templates that listings need kept in memory: every profile
 * list computes its operations from its templates, which change rarely. A template created or
 * revised (on any node) is dropped at once through the {@link ChangeFeed}; inside a unit of work
 * the stored templates are read as before.
 */
public final class CachedProfileTemplates implements ProfileTemplates {

    private final ProfileTemplates stored;
    private final ChangeAwareCache<TemplateId, ProfileTemplate> cache;

    public CachedProfileTemplates(
            ProfileTemplates stored,
            ChangeFeed changes,
            Transactions transactions,
            ChangeAwareCache.Settings settings) {
        this.stored = stored;
        this.cache = new ChangeAwareCache<>(
                changes,
                transactions,
                settings,
                (change, template) -> change.topic() == ChangeFeed.Topic.PROFILE_TEMPLATE
                        && template.id().value().equals(change.id()));
    }

    @Override
    public Optional<ProfileTemplate> find(TemplateId id) {
        return cache.get(id, () -> stored.find(id));
    }

    @Override
    public Map<TemplateId, ProfileTemplate> findAll(Collection<TemplateId> ids) {
        return cache.getAll(ids, stored::findAll);
    }

    @Override
    public void add(ProfileTemplate template) {
        stored.add(template);
    }

    @Override
    public void update(ProfileTemplate revised, long expectedVersion) {
        stored.update(revised, expectedVersion);
    }

    @Override
    public Page<ProfileTemplate> list(PageRequest page) {
        return stored.list(page);
    }
}
