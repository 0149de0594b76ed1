package org.openprofiles.examples;

import org.openprofiles.adapter.jdbc.access.JdbiAccessProfiles;
import org.openprofiles.adapter.jdbc.access.JdbiAssignments;
import org.openprofiles.adapter.jdbc.access.JdbiAttributeCatalogs;
import org.openprofiles.adapter.jdbc.access.JdbiComplianceFindings;
import org.openprofiles.adapter.jdbc.access.JdbiDirectory;
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
import org.openprofiles.adapter.memory.access.MemoryAccessStorage;
import org.openprofiles.adapter.memory.certificate.MemoryCertificateStorage;
import org.openprofiles.adapter.memory.security.MemorySecurityStorage;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Users;

/**
 * The storage ports the example's use cases need, and the two ways to get them: in memory (no
 * database at all) or on PostgreSQL through the JDBI adapters. Nothing else in the example knows
 * which it got.
 */
public record Adapters(
        String name,
        Transactions transactions,
        Users users,
        Credentials credentials,
        AuditTrail auditTrail,
        ProfileTemplates templates,
        CertificateProfiles profiles,
        CertificateRequests requests,
        CertificateRecords certificates,
        ProfileOwners owners,
        AccessProfiles accessProfiles,
        Directory directory,
        Assignments assignments,
        ComplianceFindings findings,
        AttributeCatalogs catalogs) {

    /** Every port in memory, sharing one unit of work: the domain and use cases without a database. */
    public static Adapters inMemory() {
        MemoryTransactions transactions = new MemoryTransactions();
        MemorySecurityStorage security = new MemorySecurityStorage(transactions);
        MemoryCertificateStorage certificates = new MemoryCertificateStorage(transactions, security.users());
        MemoryAccessStorage access = new MemoryAccessStorage(transactions);
        return new Adapters(
                "memory",
                transactions,
                security.users(),
                security.credentials(),
                security.auditTrail(),
                certificates.profileTemplates(),
                certificates.certificateProfiles(),
                certificates.certificateRequests(),
                certificates.certificateRecords(),
                certificates.profileOwners(),
                access.accessProfiles(),
                access.directory(),
                access.assignments(),
                access.complianceFindings(),
                access.attributeCatalogs());
    }

    /** Every port on the open, migrated {@code database}, sharing its unit of work. */
    public static Adapters onPostgres(Database database) {
        JdbiTransactions transactions = database.transactions();
        return new Adapters(
                "PostgreSQL",
                transactions,
                new JdbiUsers(transactions),
                new JdbiCredentials(transactions),
                new JdbiAuditTrail(transactions),
                new JdbiProfileTemplates(transactions),
                new JdbiCertificateProfiles(transactions),
                new JdbiCertificateRequests(transactions),
                new JdbiCertificateRecords(transactions),
                new JdbiProfileOwners(transactions),
                new JdbiAccessProfiles(transactions),
                new JdbiDirectory(transactions),
                new JdbiAssignments(transactions),
                new JdbiComplianceFindings(transactions),
                new JdbiAttributeCatalogs(transactions));
    }
}
