package org.openprofiles.adapter.jdbc.testing;

import org.openprofiles.adapter.jdbc.access.JdbiAccessProfiles;
import org.openprofiles.adapter.jdbc.access.JdbiAccessSettings;
import org.openprofiles.adapter.jdbc.access.JdbiAssignments;
import org.openprofiles.adapter.jdbc.access.JdbiAttributeCatalogs;
import org.openprofiles.adapter.jdbc.access.JdbiComplianceFindings;
import org.openprofiles.adapter.jdbc.access.JdbiDeviationAcceptances;
import org.openprofiles.adapter.jdbc.access.JdbiDirectory;
import org.openprofiles.adapter.jdbc.access.JdbiDirectorySyncs;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateProfiles;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateRecords;
import org.openprofiles.adapter.jdbc.certificate.JdbiCertificateRequests;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileOwners;
import org.openprofiles.adapter.jdbc.certificate.JdbiProfileTemplates;
import org.openprofiles.adapter.jdbc.security.JdbiAuditTrail;
import org.openprofiles.adapter.jdbc.security.JdbiCredentials;
import org.openprofiles.adapter.jdbc.security.JdbiUsers;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.application.contract.Storage;
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
 * Every JDBI adapter on a fresh copy of the migrated database (made by {@link PostgresExtension},
 * dropped on {@link #close}): the storage the port contracts run against on PostgreSQL.
 */
public final class JdbiStorage implements Storage {

    private final TestDatabase copy;
    private final Database database;
    private final JdbiTransactions transactions;
    private final Users users;
    private final Credentials credentials;
    private final AuditTrail auditTrail;
    private final ProfileTemplates profileTemplates;
    private final CertificateProfiles certificateProfiles;
    private final CertificateRequests certificateRequests;
    private final ProfileOwners profileOwners;
    private final CertificateRecords certificateRecords;
    private final AccessProfiles accessProfiles;
    private final Directory directory;
    private final Assignments assignments;
    private final ComplianceFindings complianceFindings;
    private final AttributeCatalogs attributeCatalogs;
    private final AccessSettings accessSettings;
    private final DeviationAcceptances deviationAcceptances;
    private final DirectorySyncs directorySyncs;

    private JdbiStorage(TestDatabase copy) {
        this.copy = copy;
        this.database = Database.open(copy.settings());
        this.transactions = database.transactions();
        this.users = new JdbiUsers(transactions);
        this.credentials = new JdbiCredentials(transactions);
        this.auditTrail = new JdbiAuditTrail(transactions);
        this.profileTemplates = new JdbiProfileTemplates(transactions);
        this.certificateProfiles = new JdbiCertificateProfiles(transactions);
        this.certificateRequests = new JdbiCertificateRequests(transactions);
        this.profileOwners = new JdbiProfileOwners(transactions);
        this.certificateRecords = new JdbiCertificateRecords(transactions);
        this.accessProfiles = new JdbiAccessProfiles(transactions);
        this.directory = new JdbiDirectory(transactions);
        this.assignments = new JdbiAssignments(transactions);
        this.complianceFindings = new JdbiComplianceFindings(transactions);
        this.attributeCatalogs = new JdbiAttributeCatalogs(transactions);
        this.accessSettings = new JdbiAccessSettings(transactions);
        this.deviationAcceptances = new JdbiDeviationAcceptances(transactions);
        this.directorySyncs = new JdbiDirectorySyncs(transactions);
    }

    /** The JDBI adapters on a database of their own. */
    public static JdbiStorage fresh() {
        return new JdbiStorage(PostgresExtension.freshDatabase());
    }

    /** The copy this storage runs on, for a test that opens connections of its own to it. */
    public TestDatabase testDatabase() {
        return copy;
    }

    /** The open database, for the JDBI adapter's own tests (statement counts, SQL specifics). */
    public Database database() {
        return database;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public ChangeFeed changeFeed() {
        return database.changeFeed();
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    @Override
    public ProfileTemplates profileTemplates() {
        return profileTemplates;
    }

    @Override
    public CertificateProfiles certificateProfiles() {
        return certificateProfiles;
    }

    @Override
    public CertificateRequests certificateRequests() {
        return certificateRequests;
    }

    @Override
    public CertificateRecords certificateRecords() {
        return certificateRecords;
    }

    @Override
    public ProfileOwners profileOwners() {
        return profileOwners;
    }

    @Override
    public AccessProfiles accessProfiles() {
        return accessProfiles;
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public Assignments assignments() {
        return assignments;
    }

    @Override
    public ComplianceFindings complianceFindings() {
        return complianceFindings;
    }

    @Override
    public AttributeCatalogs attributeCatalogs() {
        return attributeCatalogs;
    }

    @Override
    public AccessSettings accessSettings() {
        return accessSettings;
    }

    @Override
    public DeviationAcceptances deviationAcceptances() {
        return deviationAcceptances;
    }

    @Override
    public DirectorySyncs directorySyncs() {
        return directorySyncs;
    }

    @Override
    public void close() {
        database.close();
        PostgresExtension.drop(copy);
    }
}
