package org.openprofiles.application.certificate;

import java.time.Clock;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * An administrator changes a profile template. The caller names the version it read; the stored
 * template must still be at that version, and the change raises it by one.
 */
public final class UpdateProfileTemplate {

    private final ProfileTemplates templates;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public UpdateProfileTemplate(
            ProfileTemplates templates,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.templates = templates;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public ProfileTemplate update(Principal caller, TemplateId id, long expectedVersion, TemplateContent content) {
        accessPolicy.require(caller, Action.MANAGE_PROFILE_TEMPLATES, Resource.of("profile-template"));
        return transactions.inTransaction(() -> {
            ProfileTemplate current = templates.find(id).orElseThrow(() -> ProfileTemplate.notFound(id));
            if (current.version() != expectedVersion) {
                throw new PreconditionFailed(
                        "stale_version",
                        "version",
                        "the template is at version " + current.version() + ", not " + expectedVersion + "; reload it");
            }
            ProfileTemplate revised = current.revise(
                    content.name(),
                    content.description(),
                    content.policies(),
                    content.pinPolicy(),
                    content.certificateSettings(),
                    clock.instant());
            templates.update(revised, expectedVersion);
            audit.record(
                    caller,
                    "profile-template.update",
                    "profile-template",
                    id.toString(),
                    TemplateContent.audited(current),
                    TemplateContent.audited(revised));
            return revised;
        });
    }
}
