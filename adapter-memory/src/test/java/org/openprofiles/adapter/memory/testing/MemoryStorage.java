package org.openprofiles.adapter.memory.testing;

import org.openprofiles.adapter.memory.access.MemoryAccessStorage;
import org.openprofiles.adapter.memory.certificate.MemoryCertificateStorage;
import org.openprofiles.adapter.memory.security.MemorySecurityStorage;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
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

/** Every in-memory adapter over one fresh store: what the port contracts and use-case tests run on. */
public final class MemoryStorage implements Storage {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemorySecurityStorage security = new MemorySecurityStorage(transactions);
    private final MemoryCertificateStorage certificates = new MemoryCertificateStorage(transactions, security.users());
    private final MemoryAccessStorage access = new MemoryAccessStorage(transactions);

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public ChangeFeed changeFeed() {
        return transactions.changeFeed();
    }

    @Override
    public Users users() {
        return security.users();
    }

    @Override
    public Credentials credentials() {
        return security.credentials();
    }

    @Override
    public AuditTrail auditTrail() {
        return security.auditTrail();
    }

    @Override
    public ProfileTemplates profileTemplates() {
        return certificates.profileTemplates();
    }

    @Override
    public CertificateProfiles certificateProfiles() {
        return certificates.certificateProfiles();
    }

    @Override
    public CertificateRequests certificateRequests() {
        return certificates.certificateRequests();
    }

    @Override
    public CertificateRecords certificateRecords() {
        return certificates.certificateRecords();
    }

    @Override
    public ProfileOwners profileOwners() {
        return certificates.profileOwners();
    }

    @Override
    public AccessProfiles accessProfiles() {
        return access.accessProfiles();
    }

    @Override
    public Directory directory() {
        return access.directory();
    }

    @Override
    public Assignments assignments() {
        return access.assignments();
    }

    @Override
    public ComplianceFindings complianceFindings() {
        return access.complianceFindings();
    }

    @Override
    public AttributeCatalogs attributeCatalogs() {
        return access.attributeCatalogs();
    }

    @Override
    public AccessSettings accessSettings() {
        return access.accessSettings();
    }

    @Override
    public DeviationAcceptances deviationAcceptances() {
        return access.deviationAcceptances();
    }

    @Override
    public DirectorySyncs directorySyncs() {
        return access.directorySyncs();
    }

    @Override
    public void close() {
        // Memory is let go with the object.
    }
}
