package org.openprofiles.adapter.memory.access;

import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.DeviationAcceptances;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.directory.DirectorySyncs;

/**
 * The access context's storage in memory: profiles, the directory, assignments, compliance, the
 * attribute catalog (starting with the default attributes), the settings, accepted deviations and
 * directory syncs, over shared tables.
 */
public final class MemoryAccessStorage {

    private final AccessProfiles profiles;
    private final Directory directory;
    private final Assignments assignments;
    private final ComplianceFindings findings;
    private final AttributeCatalogs catalogs;
    private final AccessSettings settings;
    private final DeviationAcceptances acceptances;
    private final DirectorySyncs syncs;

    /** Empty storage (but for the default catalog) whose changes join the units of work of {@code transactions}. */
    public MemoryAccessStorage(MemoryTransactions transactions) {
        AccessTables tables = new AccessTables(transactions);
        this.profiles = new MemoryAccessProfiles(tables);
        this.directory = new MemoryDirectory(tables);
        this.assignments = new MemoryAssignments(tables);
        this.findings = new MemoryComplianceFindings(tables);
        this.catalogs = new MemoryAttributeCatalogs(tables);
        this.settings = new MemoryAccessSettings(tables);
        this.acceptances = new MemoryDeviationAcceptances(tables);
        this.syncs = new MemoryDirectorySyncs(transactions);
    }

    public AccessProfiles accessProfiles() {
        return profiles;
    }

    public Directory directory() {
        return directory;
    }

    public Assignments assignments() {
        return assignments;
    }

    public ComplianceFindings complianceFindings() {
        return findings;
    }

    public AttributeCatalogs attributeCatalogs() {
        return catalogs;
    }

    public AccessSettings accessSettings() {
        return settings;
    }

    public DeviationAcceptances deviationAcceptances() {
        return acceptances;
    }

    public DirectorySyncs directorySyncs() {
        return syncs;
    }
}
