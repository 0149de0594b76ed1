package org.openprofiles.bootstrap;

import java.time.Clock;
import java.util.List;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateProfiles;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileOwners;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileTemplates;
import org.openprofiles.adapter.rest.certificate.admin.CertificateProfileImportResource;
import org.openprofiles.adapter.rest.certificate.admin.ProfileTemplatesResource;
import org.openprofiles.adapter.rest.certificate.cm.CertificateProfilesResource;
import org.openprofiles.application.certificate.CreateProfileTemplate;
import org.openprofiles.application.certificate.GetProfile;
import org.openprofiles.application.certificate.GetProfileTemplate;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.application.certificate.ListProfileTemplates;
import org.openprofiles.application.certificate.ListProfilesForUser;
import org.openprofiles.application.certificate.OfferedOperations;
import org.openprofiles.application.certificate.UpdateProfileTemplate;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.ProfileTemplates;

/** The certificate-profile context, wired by hand: repositories, use cases, resources. */
final class CertificateWiring {

    final ProfileTemplates templates;
    final CertificateProfiles profiles;
    final OfferedOperations offeredOperations;
    private final Wiring shared;
    private final Clock clock;

    CertificateWiring(Wiring shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
        this.templates = new JdbiProfileTemplates(shared.transactions);
        this.profiles = new JdbiCertificateProfiles(shared.transactions);
        this.offeredOperations = new OfferedOperations(templates);
    }

    /** The context's Jersey resources. */
    List<Object> restComponents() {
        var policy = shared.accessPolicy;
        var transactions = shared.transactions;
        return List.of(
                new CertificateProfilesResource(new ListProfilesForUser(profiles, offeredOperations, policy, transactions),
                        new GetProfile(profiles, offeredOperations, policy, transactions)),
                new ProfileTemplatesResource(
                        new CreateProfileTemplate(templates, policy, transactions, shared.audit, clock),
                        new UpdateProfileTemplate(templates, policy, transactions, shared.audit, clock),
                        new ListProfileTemplates(templates, policy, transactions),
                        new GetProfileTemplate(templates, policy)),
                new CertificateProfileImportResource(new ImportCertificateProfiles(profiles, templates,
                        new JdbiProfileOwners(transactions), policy, transactions, shared.audit, clock)));
    }
}
