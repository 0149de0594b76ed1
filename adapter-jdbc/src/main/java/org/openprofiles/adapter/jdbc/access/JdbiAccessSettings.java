package org.openprofiles.adapter.jdbc.access;

import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.ProfileSettings;

/**
 * The access-profile configuration in the shared {@code setting} table. The key is also read by
 * the {@code account_deviation} view, so the compliance rule follows a change at once.
 */
public final class JdbiAccessSettings implements AccessSettings {

    static final String UNASSIGNED_KEY = "access." + ProfileSettings.UNASSIGNED_ARE_NON_COMPLIANT;

    private final JdbiTransactions db;

    public JdbiAccessSettings(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public ProfileSettings current() {
        return db.withHandle(h -> h.createQuery("SELECT value = 'true'::jsonb FROM setting WHERE key = :key")
                .bind("key", UNASSIGNED_KEY)
                .mapTo(Boolean.class)
                .findOne()
                .map(ProfileSettings::new)
                .orElse(ProfileSettings.DEFAULTS));
    }

    @Override
    public void save(ProfileSettings settings) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO setting (key, value, version, updated_at)
                        VALUES (:key, CAST(:value AS jsonb), 1, now())
                        ON CONFLICT (key) DO UPDATE
                           SET value = excluded.value, version = setting.version + 1, updated_at = now()
                        """)
                .bind("key", UNASSIGNED_KEY)
                .bind("value", Boolean.toString(settings.unassignedAccountsAreNonCompliant()))
                .execute());
    }
}
