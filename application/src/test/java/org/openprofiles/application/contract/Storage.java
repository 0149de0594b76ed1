package org.openprofiles.application.contract;

import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.DeviationAcceptances;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Users;

/**
 * Every storage port one adapter offers, over one fresh store, with the unit of work they join:
 * what a port contract runs against. A contract needs more than its own port, because the rows it
 * stores refer to others (a profile to its owner and template, an assignment to an account).
 */
public interface Storage extends AutoCloseable {

    Transactions transactions();

    /** The feed of the committed changes to users, tokens and templates of this store. */
    ChangeFeed changeFeed();

    Users users();

    Credentials credentials();

    AuditTrail auditTrail();

    ProfileTemplates profileTemplates();

    CertificateProfiles certificateProfiles();

    CertificateRequests certificateRequests();

    ProfileOwners profileOwners();

    CertificateRecords certificateRecords();

    AccessProfiles accessProfiles();

    Directory directory();

    Assignments assignments();

    ComplianceFindings complianceFindings();

    AttributeCatalogs attributeCatalogs();

    AccessSettings accessSettings();

    DeviationAcceptances deviationAcceptances();

    DirectorySyncs directorySyncs();

    /** Releases the store (a database copy is dropped, memory is let go). */
    @Override
    void close();
}
