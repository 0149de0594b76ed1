package org.openprofiles.application.certificate;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** An administrator lists profile templates with their policies, by name. */
public final class ListProfileTemplates {

    private final ProfileTemplates templates;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;

    public ListProfileTemplates(ProfileTemplates templates, AccessPolicy accessPolicy, Transactions transactions) {
        this.templates = templates;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
    }

    public Page<ProfileTemplate> list(Principal caller, PageRequest page) {
        accessPolicy.require(caller, Action.MANAGE_PROFILE_TEMPLATES, Resource.of("profile-template"));
        return transactions.readOnly(() -> templates.list(page));
    }
}
