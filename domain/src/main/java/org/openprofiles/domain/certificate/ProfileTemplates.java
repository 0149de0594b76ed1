package org.openprofiles.domain.certificate;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The profile templates port: versioned templates, stored and read back. */
public interface ProfileTemplates {

    Optional<ProfileTemplate> find(TemplateId id);

    /**
     * The template that stored data (a profile, a request) refers to. The schema keeps every
     * referenced template, so its absence is a broken database, not a caller's mistake.
     */
    default ProfileTemplate referenced(TemplateId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("stored data names missing template " + id));
    }

    /** The templates among {@code ids} that exist, in one round of queries whatever the count. */
    Map<TemplateId, ProfileTemplate> findAll(Collection<TemplateId> ids);

    /** Inserts a new template; throws {@code Conflict} when the id is taken. */
    void add(ProfileTemplate template);

    /**
     * Stores {@code revised} if the stored version is still {@code expectedVersion}; throws
     * {@code PreconditionFailed} when it is not and {@code NotFound} when the template is gone.
     */
    void update(ProfileTemplate revised, long expectedVersion);

    /** Templates ordered by name, then id. */
    Page<ProfileTemplate> list(PageRequest page);
}
