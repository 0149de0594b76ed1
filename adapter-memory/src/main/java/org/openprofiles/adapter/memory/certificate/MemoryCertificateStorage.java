package org.openprofiles.adapter.memory.certificate;

import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.security.Users;

/** The certificate context's storage in memory: templates, profiles, requests, their owners and issued certificates. */
public final class MemoryCertificateStorage {

    private final MemoryProfileTemplates templates;
    private final MemoryCertificateProfiles profiles;
    private final MemoryCertificateRequests requests;
    private final ProfileOwners owners;
    private final MemoryCertificateRecords records;

    /** Empty storage whose changes join the units of work of {@code transactions}; owners are {@code users}. */
    public MemoryCertificateStorage(MemoryTransactions transactions, Users users) {
        this.templates = new MemoryProfileTemplates(transactions);
        this.profiles = new MemoryCertificateProfiles(transactions, users, templates);
        this.requests = new MemoryCertificateRequests(transactions);
        this.owners = new MemoryProfileOwners(transactions, users);
        this.records = new MemoryCertificateRecords(transactions);
    }

    public ProfileTemplates profileTemplates() {
        return templates;
    }

    public CertificateProfiles certificateProfiles() {
        return profiles;
    }

    public CertificateRequests certificateRequests() {
        return requests;
    }

    public ProfileOwners profileOwners() {
        return owners;
    }

    public CertificateRecords certificateRecords() {
        return records;
    }
}
