package org.openprofiles.bootstrap;

import java.time.Clock;
import java.util.List;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateProfiles;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateRequests;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileOwners;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileTemplates;
import org.openprofiles.adapter.rest.certificate.cm.CertificateRequestsResource;
import org.openprofiles.application.certificate.CancelCertificateRequest;
import org.openprofiles.application.certificate.CompleteCertificateRequest;
import org.openprofiles.application.certificate.DecideCertificateRequest;
import org.openprofiles.application.certificate.GetCertificateRequest;
import org.openprofiles.application.certificate.InitiateCertificateRequest;
import org.openprofiles.application.certificate.ListCertificateRequests;
import org.openprofiles.application.certificate.ListRequestProfiles;
import org.openprofiles.application.certificate.OfferedOperations;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileTemplates;

/** The certificate-request context, wired by hand: repositories, use cases, resource. */
final class CertificateRequestWiring {

    private final Wiring shared;
    private final Clock clock;

    CertificateRequestWiring(Wiring shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    /** The context's Jersey resources. */
    List<Object> restComponents() {
        var policy = shared.accessPolicy;
        var transactions = shared.transactions;
        ProfileTemplates templates = new JdbiProfileTemplates(transactions);
        CertificateProfiles profiles = new JdbiCertificateProfiles(transactions);
        CertificateRequests requests = new JdbiCertificateRequests(transactions);
        return List.of(new CertificateRequestsResource(
                new InitiateCertificateRequest(profiles, new JdbiProfileOwners(transactions), templates, requests, policy,
                        transactions, shared.audit, clock),
                new GetCertificateRequest(requests, policy, transactions),
                new ListCertificateRequests(requests, transactions),
                new ListRequestProfiles(requests, profiles, new OfferedOperations(templates), policy, transactions),
                new CompleteCertificateRequest(requests, profiles, templates, policy, transactions, shared.audit, clock),
                new CancelCertificateRequest(requests, policy, transactions, shared.audit, clock),
                new DecideCertificateRequest(requests, profiles, templates, policy, transactions, shared.audit, clock)));
    }
}
