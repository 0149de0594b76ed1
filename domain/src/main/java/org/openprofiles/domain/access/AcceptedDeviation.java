package org.openprofiles.domain.access;

/** A deviation found on an account, and the acceptance in force that covers it. */
public record AcceptedDeviation(Deviation deviation, DeviationAcceptance acceptance) {

    public AcceptedDeviation {
        if (deviation == null || acceptance == null) {
            throw new IllegalArgumentException("deviation and acceptance must not be null");
        }
    }
}
