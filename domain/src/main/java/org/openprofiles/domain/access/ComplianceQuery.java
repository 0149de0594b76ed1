package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.Optional;

/**
 * Which accounts the compliance report covers (those with one profile, and/or only the
 * non-compliant ones) and at which moment acceptances are judged ({@code asOf}: an acceptance
 * that expired by then no longer covers its deviation).
 */
public record ComplianceQuery(Optional<AccessProfileId> profile, boolean nonCompliantOnly, Instant asOf) {

    public ComplianceQuery {
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null (use Optional.empty())");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("asOf must not be null");
        }
    }
}
