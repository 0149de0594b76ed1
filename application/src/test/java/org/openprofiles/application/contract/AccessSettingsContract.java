package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.ProfileSettings;

/**
 * The contract of {@link AccessSettings}: fresh storage reads the defaults, afterwards what was
 * saved last, and a save in a unit of work that rolls back is forgotten. One test, because the
 * settings are one value the whole storage shares.
 */
public abstract class AccessSettingsContract extends StorageContract {

    @Test
    void theSettingsReadTheDefaultsUntilSavedThenWhatWasSavedLastUnlessRolledBack() {
        AccessSettings settings = storage().accessSettings();
        assertEquals(ProfileSettings.DEFAULTS, settings.current());
        settings.save(new ProfileSettings(false));
        assertEquals(new ProfileSettings(false), settings.current());
        settings.save(new ProfileSettings(true));
        assertEquals(new ProfileSettings(true), settings.current());
        assertThrows(
                IllegalStateException.class,
                () -> storage().transactions().run(() -> {
                    settings.save(new ProfileSettings(false));
                    throw new IllegalStateException("the change fails");
                }));
        assertEquals(new ProfileSettings(true), settings.current());
    }
}
