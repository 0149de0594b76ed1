package org.openprofiles.application.certificate;

import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;

/** An administrator reads one profile template with its policies. */
public final class GetProfileTemplate {

    private final ProfileTemplates templates;
    private final AccessPolicy accessPolicy;

    public GetProfileTemplate(ProfileTemplates templates, AccessPolicy accessPolicy) {
        this.templates = templates;
        this.accessPolicy = accessPolicy;
    }

    public ProfileTemplate get(Principal caller, TemplateId id) {
        accessPolicy.require(caller, Action.MANAGE_PROFILE_TEMPLATES, Resource.of("profile-template"));
        return templates.find(id).orElseThrow(() -> ProfileTemplate.notFound(id));
    }
}
