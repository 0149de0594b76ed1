package org.openprofiles.application.health;

/** Asks the database whether it answers, within a short bound. */
public interface DatabaseProbe {

    /** True when a trivial query came back within the probe's own time limit. */
    boolean answers();
}
