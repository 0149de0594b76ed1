package org.openprofiles.application.certificate;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;

/**
 * An administrator creates a profile template. A migration may give the id and starting version
 * the template had on the server it comes from, so imported profiles keep pointing at it.
 */
public final class CreateProfileTemplate {

    /** The new template: optional id and starting version (default: random, 1), and its content. */
    public record Command(Optional<TemplateId> id, Optional<Long> startingVersion, TemplateContent content) {
        public Command {
            if (id == null || startingVersion == null || content == null) {
                throw new IllegalArgumentException("incomplete template command");
            }
        }
    }

    private final ProfileTemplates templates;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public CreateProfileTemplate(
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

    public ProfileTemplate create(Principal caller, Command command) {
        accessPolicy.require(caller, Action.MANAGE_PROFILE_TEMPLATES, Resource.of("profile-template"));
        TemplateContent content = command.content();
        ProfileTemplate template = ProfileTemplate.create(
                command.id().orElseGet(TemplateId::random),
                content.name(),
                content.description(),
                command.startingVersion().orElse(1L),
                content.policies(),
                content.pinPolicy(),
                content.certificateSettings(),
                clock.instant());
        return transactions.inTransaction(() -> {
            templates.add(template);
            audit.record(
                    caller,
                    "profile-template.create",
                    "profile-template",
                    template.id().toString(),
                    Map.of(),
                    TemplateContent.audited(template));
            return template;
        });
    }
}
