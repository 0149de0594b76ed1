package org.openprofiles.application.certificate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.OperationRules;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.Principal;

/**
 * Adds to a batch of profiles the operations a principal may perform on each: the templates of
 * the whole batch are loaded in one go, then {@link OperationRules} decides per profile in memory.
 */
public final class OfferedOperations {

    private final ProfileTemplates templates;

    public OfferedOperations(ProfileTemplates templates) {
        this.templates = templates;
    }

    public List<ProfileWithOperations> forEach(List<CertificateProfile> profiles, Principal principal) {
        if (profiles.isEmpty()) {
            return List.of();
        }
        Set<TemplateId> ids =
                profiles.stream().map(CertificateProfile::template).collect(Collectors.toSet());
        Map<TemplateId, ProfileTemplate> byId = templates.findAll(ids);
        return profiles.stream()
                .map(profile -> {
                    ProfileTemplate template = byId.get(profile.template());
                    // The schema keeps every profile's template; a missing one would be a broken database.
                    if (template == null) {
                        throw new IllegalStateException(
                                "profile " + profile.id() + " names missing template " + profile.template());
                    }
                    return new ProfileWithOperations(profile, OperationRules.offered(profile, template, principal));
                })
                .toList();
    }
}
