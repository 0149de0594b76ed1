package org.openprofiles.application.certificate;

import java.util.List;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.ProfileOperation;

/** A certificate profile as one caller sees it: with the operations that caller may perform on it. */
public record ProfileWithOperations(CertificateProfile profile, List<ProfileOperation> operations) {

    public ProfileWithOperations {
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null");
        }
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
