package org.openprofiles.application.certificate;

import java.util.List;
import java.util.Optional;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;

/**
 * One certificate profile with the caller's operations. A profile that does not exist and one the
 * caller may not read give the same empty answer, so profile ids cannot be probed.
 */
public final class GetProfile {

    private final CertificateProfiles profiles;
    private final OfferedOperations operations;
    private final AccessPolicy accessPolicy;

    public GetProfile(CertificateProfiles profiles, OfferedOperations operations, AccessPolicy accessPolicy) {
        this.profiles = profiles;
        this.operations = operations;
        this.accessPolicy = accessPolicy;
    }

    public Optional<ProfileWithOperations> get(Principal caller, CertificateProfileId id) {
        // One statement, no unit of work around it; the template comes from the cache (see ListProfilesForUser).
        return profiles.find(id)
                .filter(profile -> profile.isVisibleTo(caller, accessPolicy))
                .map(profile -> operations.forEach(List.of(profile), caller).get(0));
    }
}
