package org.openprofiles.application.access;

import java.util.List;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.AttributeCatalog;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.Color;
import org.openprofiles.domain.access.Palette;
import org.openprofiles.domain.access.ProfileSettings;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;

/** Reads the access-profile configuration, the colour palette and the attribute catalog (what the profile editor offers). */
public final class ShowProfileConfiguration {

    private final AccessPolicy policy;
    private final AccessSettings settings;
    private final AttributeCatalogs catalogs;
    private final Transactions transactions;

    public ShowProfileConfiguration(
            AccessPolicy policy, AccessSettings settings, AttributeCatalogs catalogs, Transactions transactions) {
        this.policy = policy;
        this.settings = settings;
        this.catalogs = catalogs;
        this.transactions = transactions;
    }

    public ProfileSettings settings(Principal caller) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(settings::current);
    }

    /** The colour palette profiles choose from (fixed; no storage involved). */
    public List<Color> palette(Principal caller) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return Palette.colors();
    }

    public AttributeCatalog catalog(Principal caller) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(catalogs::catalog);
    }
}
