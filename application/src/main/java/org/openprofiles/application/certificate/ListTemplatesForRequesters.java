package org.openprofiles.application.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.OperationRules;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Templates as requesters see them on the Certificate Management routes: the ones a user may
 * enroll for (the caller, or for an agent another user), and one template with its workflow
 * policies when the caller may see it ({@link ProfileTemplate#isVisibleTo}).
 */
public final class ListTemplatesForRequesters {

    private final ProfileTemplates templates;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;

    public ListTemplatesForRequesters(
            ProfileTemplates templates, AccessPolicy accessPolicy, Transactions transactions) {
        this.templates = templates;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
    }

    /**
     * The templates whose enroll policy lets the caller enroll {@code target} (empty: the caller),
     * by name. Pages follow the templates' own: a page may hold fewer than the limit, but never none
     * while more follow.
     */
    public Page<ProfileTemplate> enrollable(Principal caller, Optional<UserId> target, PageRequest page) {
        UserId whom = target.orElse(caller.userId());
        accessPolicy.require(
                caller, Action.READ_CERTIFICATE_PROFILES, Resource.ownedBy(CertificateProfile.RESOURCE_KIND, whom));
        return transactions.readOnly(() -> {
            PageRequest next = page;
            while (true) {
                Page<ProfileTemplate> all = templates.list(next);
                List<ProfileTemplate> enrollable = new ArrayList<>();
                for (ProfileTemplate template : all.items()) {
                    if (OperationRules.enrollVerdict(template, caller, whom) == OperationRules.Verdict.ALLOWED) {
                        enrollable.add(template);
                    }
                }
                if (!enrollable.isEmpty() || all.nextCursor().isEmpty()) {
                    return new Page<>(enrollable, all.nextCursor());
                }
                next = page.after(all.nextCursor().get());
            }
        });
    }

    /** One template, when the caller may see it. */
    public Optional<ProfileTemplate> get(Principal caller, TemplateId id) {
        return transactions.readOnly(() -> templates.find(id).filter(t -> t.isVisibleTo(caller, accessPolicy)));
    }
}
