package org.openprofiles.application.access;

import java.util.Map;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.ProfileSettings;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;

/** Administrators change the access-profile configuration and extend the attribute catalog. */
public final class ChangeProfileConfiguration {

    private static final Resource SETTINGS = Resource.of("access-settings");

    private final AccessPolicy policy;
    private final AccessSettings settings;
    private final AttributeCatalogs catalogs;
    private final Transactions transactions;
    private final Audit audit;

    public ChangeProfileConfiguration(
            AccessPolicy policy,
            AccessSettings settings,
            AttributeCatalogs catalogs,
            Transactions transactions,
            Audit audit) {
        this.policy = policy;
        this.settings = settings;
        this.catalogs = catalogs;
        this.transactions = transactions;
        this.audit = audit;
    }

    public ProfileSettings change(Principal caller, ProfileSettings changed) {
        policy.require(caller, Action.MANAGE_SETTINGS, SETTINGS);
        return transactions.inTransaction(() -> {
            ProfileSettings before = settings.current();
            settings.save(changed);
            audit.record(
                    caller, "access-settings.change", "setting", "access", before.auditFields(), changed.auditFields());
            return changed;
        });
    }

    /** Adds an attribute to the catalog or replaces the definition with the same key. */
    public AttributeDefinition define(Principal caller, AttributeDefinition definition) {
        policy.require(caller, Action.MANAGE_SETTINGS, SETTINGS);
        return transactions.inTransaction(() -> {
            catalogs.define(definition);
            audit.record(
                    caller,
                    "attribute-definition.define",
                    "attribute-definition",
                    definition.key(),
                    Map.of(),
                    Map.of(
                            "type",
                            definition.type().wireName(),
                            "label",
                            definition.label(),
                            "required",
                            definition.required(),
                            "definedValues",
                            definition.definedValues()));
            return definition;
        });
    }
}
