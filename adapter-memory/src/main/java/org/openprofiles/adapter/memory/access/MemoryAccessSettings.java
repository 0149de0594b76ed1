package org.openprofiles.adapter.memory.access;

import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.ProfileSettings;

/** The access-profile configuration: one value, the defaults until something is saved. */
final class MemoryAccessSettings implements AccessSettings {

    private final AccessTables tables;

    MemoryAccessSettings(AccessTables tables) {
        this.tables = tables;
    }

    @Override
    public ProfileSettings current() {
        return tables.transactions.read(tables::settings);
    }

    @Override
    public void save(ProfileSettings settings) {
        tables.transactions.write(() -> {
            tables.settings.put(AccessTables.SETTINGS_KEY, settings);
            return null;
        });
    }
}
