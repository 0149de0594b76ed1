package org.openprofiles.application.certificate;

import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;

/**
 * Who sees a request: the one who submitted it, whoever may read the target user's profiles (the
 * owner, agents), and those who decide requests (approvers must see what they approve).
 */
final class RequestAccess {

    private final AccessPolicy accessPolicy;

    RequestAccess(AccessPolicy accessPolicy) {
        this.accessPolicy = accessPolicy;
    }

    boolean visible(Principal caller, CertificateRequest request) {
        return caller.is(request.originator())
                || accessPolicy.permits(caller, Action.READ_CERTIFICATE_PROFILES,
                        Resource.ownedBy("certificate-profile", request.target()))
                || accessPolicy.permits(caller, Action.DECIDE_CERTIFICATE_REQUESTS,
                        Resource.ownedBy("certificate-request", request.target()));
    }
}
