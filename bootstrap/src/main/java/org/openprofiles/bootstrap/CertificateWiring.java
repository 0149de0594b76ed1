package org.openprofiles.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateProfiles;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateRecords;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateRequests;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileOwners;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileTemplates;
import org.openprofiles.adapter.rest.certificate.admin.CertificateProfileImportResource;
import org.openprofiles.adapter.rest.certificate.admin.ProfileTemplatesResource;
import org.openprofiles.adapter.rest.certificate.cm.CertificateDataResource;
import org.openprofiles.adapter.rest.certificate.cm.CertificateProfilesResource;
import org.openprofiles.adapter.rest.certificate.cm.CertificateRequestsResource;
import org.openprofiles.adapter.rest.certificate.cm.CertificatesResource;
import org.openprofiles.adapter.rest.certificate.cm.EnrollmentTemplatesResource;
import org.openprofiles.adapter.rest.certificate.pki.PkiResource;
import org.openprofiles.application.certificate.AnswerOcsp;
import org.openprofiles.application.certificate.CachedProfileTemplates;
import org.openprofiles.application.certificate.CancelCertificateRequest;
import org.openprofiles.application.certificate.CertificateRevocation;
import org.openprofiles.application.certificate.CompleteCertificateRequest;
import org.openprofiles.application.certificate.CreateProfileTemplate;
import org.openprofiles.application.certificate.DecideCertificateRequest;
import org.openprofiles.application.certificate.GetCaCertificates;
import org.openprofiles.application.certificate.GetCertificateGenerationOptions;
import org.openprofiles.application.certificate.GetCertificateRequest;
import org.openprofiles.application.certificate.GetCrl;
import org.openprofiles.application.certificate.GetProfile;
import org.openprofiles.application.certificate.GetProfileTemplate;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.application.certificate.InitiateCertificateRequest;
import org.openprofiles.application.certificate.ListCertificateRequests;
import org.openprofiles.application.certificate.ListCertificates;
import org.openprofiles.application.certificate.ListProfileTemplates;
import org.openprofiles.application.certificate.ListProfilesForUser;
import org.openprofiles.application.certificate.ListRequestProfiles;
import org.openprofiles.application.certificate.ListTemplatesForRequesters;
import org.openprofiles.application.certificate.OfferedOperations;
import org.openprofiles.application.certificate.RequestExecution;
import org.openprofiles.application.certificate.SubmitCertificateData;
import org.openprofiles.application.certificate.UpdateProfileTemplate;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Users;

/**
 * The certificate context wired by hand: each repository built once, the use cases on them, the
 * certificate authority behind them, and the resources of the Certificate Management routes, their
 * administration and the published PKI.
 */
final class CertificateWiring {

    private final ProfileTemplates templates;
    private final CertificateProfiles profiles;
    private final CertificateRequests requests;
    private final ProfileOwners owners;
    private final OfferedOperations offeredOperations;
    private final CertificateRecords certificates;
    private final CertificateAuthority authority;
    private final CertificateRevocation revocation;
    private final RequestExecution execution;
    private final Users users;
    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    CertificateWiring(Wiring shared, CertificateAuthority authority, Clock clock) {
        this.policy = shared.accessPolicy;
        this.users = shared.users;
        this.authority = authority;
        this.transactions = shared.transactions;
        this.audit = shared.audit;
        this.clock = clock;
        this.templates = new CachedProfileTemplates(
                new JdbiProfileTemplates(shared.transactions),
                shared.changes,
                shared.transactions,
                shared.cacheSettings());
        this.profiles = new JdbiCertificateProfiles(shared.transactions);
        this.requests = new JdbiCertificateRequests(shared.transactions);
        this.owners = new JdbiProfileOwners(shared.transactions);
        this.offeredOperations = new OfferedOperations(templates);
        this.certificates = new JdbiCertificateRecords(shared.transactions);
        this.revocation = new CertificateRevocation(certificates, authority, audit);
        this.execution = new RequestExecution(profiles, templates, certificates, revocation);
    }

    /** The context's Jersey resources. */
    List<Object> restComponents() {
        return List.of(
                new CertificateProfilesResource(
                        new ListProfilesForUser(profiles, offeredOperations, policy),
                        new GetProfile(profiles, offeredOperations, policy)),
                new CertificateRequestsResource(
                        new InitiateCertificateRequest(
                                profiles, owners, templates, requests, execution, policy, transactions, audit, clock),
                        new GetCertificateRequest(requests, policy, transactions),
                        new ListCertificateRequests(requests, policy, transactions),
                        new ListRequestProfiles(requests, profiles, offeredOperations, policy, transactions),
                        new CompleteCertificateRequest(
                                requests, templates, execution, new SecureRandom(), policy, transactions, audit, clock),
                        new CancelCertificateRequest(requests, revocation, policy, transactions, audit, clock),
                        new DecideCertificateRequest(requests, execution, policy, transactions, audit, clock)),
                new CertificateDataResource(
                        new GetCertificateGenerationOptions(requests, templates, users, policy, transactions),
                        new SubmitCertificateData(
                                requests,
                                profiles,
                                templates,
                                users,
                                certificates,
                                authority,
                                policy,
                                transactions,
                                audit,
                                clock)),
                new CertificatesResource(
                        new ListCertificates(certificates, profiles, policy, transactions, clock), clock),
                new EnrollmentTemplatesResource(new ListTemplatesForRequesters(templates, policy, transactions)),
                new PkiResource(
                        new GetCaCertificates(authority),
                        new GetCrl(certificates, authority, transactions, clock),
                        new AnswerOcsp(certificates, authority, transactions)),
                new ProfileTemplatesResource(
                        new CreateProfileTemplate(templates, policy, transactions, audit, clock),
                        new UpdateProfileTemplate(templates, policy, transactions, audit, clock),
                        new ListProfileTemplates(templates, policy, transactions),
                        new GetProfileTemplate(templates, policy)),
                new CertificateProfileImportResource(new ImportCertificateProfiles(
                        profiles, templates, owners, policy, transactions, audit, clock)));
    }
}
