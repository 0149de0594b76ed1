package org.openprofiles.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.jdbc.access.JdbiAccessProfiles;
import org.openprofiles.adapter.jdbc.access.JdbiAccessSettings;
import org.openprofiles.adapter.jdbc.access.JdbiAssignments;
import org.openprofiles.adapter.jdbc.access.JdbiAttributeCatalogs;
import org.openprofiles.adapter.jdbc.access.JdbiComplianceFindings;
import org.openprofiles.adapter.jdbc.access.JdbiDeviationAcceptances;
import org.openprofiles.adapter.jdbc.access.JdbiDirectory;
import org.openprofiles.adapter.jdbc.access.JdbiDirectorySyncs;
import org.openprofiles.adapter.ldap.LdapDirectorySource;
import org.openprofiles.adapter.ldap.LdapDirectoryWriter;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.rest.access.admin.AccessConfigurationAdminResource;
import org.openprofiles.adapter.rest.access.admin.AttributeCatalogAdminResource;
import org.openprofiles.adapter.rest.access.admin.DirectoryAdminResource;
import org.openprofiles.adapter.rest.access.admin.DirectorySyncsResource;
import org.openprofiles.adapter.rest.access.arm.AccessProfilesResource;
import org.openprofiles.adapter.rest.access.arm.AccountRequirementsResource;
import org.openprofiles.adapter.rest.access.arm.ArmJson;
import org.openprofiles.adapter.rest.access.arm.AssignmentsResource;
import org.openprofiles.adapter.rest.access.arm.ComplianceResource;
import org.openprofiles.adapter.rest.access.arm.DeviationAcceptancesResource;
import org.openprofiles.adapter.rest.access.arm.ProfileConfigurationResource;
import org.openprofiles.adapter.rest.access.arm.RemediationResource;
import org.openprofiles.adapter.rest.shared.JsonMappers;
import org.openprofiles.application.access.AcceptDeviation;
import org.openprofiles.application.access.AssignProfile;
import org.openprofiles.application.access.CachedAccessProfiles;
import org.openprofiles.application.access.ChangeProfileConfiguration;
import org.openprofiles.application.access.ComplianceReport;
import org.openprofiles.application.access.DeleteAccessProfile;
import org.openprofiles.application.access.DescribeProfileUsage;
import org.openprofiles.application.access.DirectorySyncRunner;
import org.openprofiles.application.access.DirectorySyncSchedule;
import org.openprofiles.application.access.GetAccessProfiles;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.application.access.ListAccessProfiles;
import org.openprofiles.application.access.ListProfileAssignments;
import org.openprofiles.application.access.ReadDirectory;
import org.openprofiles.application.access.RemediateCompliance;
import org.openprofiles.application.access.RemoveFromDirectory;
import org.openprofiles.application.access.SaveAccessProfile;
import org.openprofiles.application.access.ShowAccountRequirements;
import org.openprofiles.application.access.ShowDirectorySyncs;
import org.openprofiles.application.access.ShowProfileConfiguration;
import org.openprofiles.application.access.StartDirectorySync;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.DeviationAcceptances;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.security.AccessPolicy;

/**
 * Hand wiring of the access-profile context: its JDBI adapters, the organisation's directory
 * (LDAP, when configured) and its sync threads, the use cases and resources (the Access Rights
 * Manager routes and their administration), plus its JSON dialect.
 */
final class AccessWiring implements AutoCloseable {

    private final Wiring shared;
    private final ZoneId zone;
    private final Optional<LdapSettings> ldap;
    private final DirectorySyncSchedule schedule;
    private final Clock clock;
    private final DirectorySyncing syncing = new DirectorySyncing();
    private StartDirectorySync startSync;

    AccessWiring(Wiring shared, ZoneId zone, Optional<LdapSettings> ldap, DirectorySyncSchedule schedule, Clock clock) {
        this.shared = shared;
        this.zone = zone;
        this.ldap = ldap;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The package of the Access Rights Manager JSON models, for the service's one {@link JsonMappers}. */
    static final String JSON_DIALECT = ArmJson.PACKAGE;

    /** The Access Rights Manager JSON dialect (case-insensitive names, .NET type tags skipped). */
    static ObjectMapper jsonDialect() {
        return ArmJson.mapper();
    }

    List<Object> restComponents() {
        var db = shared.transactions;
        AccessPolicy policy = shared.accessPolicy;
        Transactions tx = shared.transactions;
        Audit audit = shared.audit;
        AccessProfiles profiles =
                new CachedAccessProfiles(new JdbiAccessProfiles(db), shared.changes, tx, shared.cacheSettings());
        Directory directory = new JdbiDirectory(db);
        Assignments assignments = new JdbiAssignments(db);
        ComplianceFindings findings = new JdbiComplianceFindings(db);
        AttributeCatalogs catalogs = new JdbiAttributeCatalogs(db);
        AccessSettings settings = new JdbiAccessSettings(db);
        DeviationAcceptances acceptances = new JdbiDeviationAcceptances(db);
        DirectorySyncs syncs = new JdbiDirectorySyncs(db);
        ShowProfileConfiguration show = new ShowProfileConfiguration(policy, settings, catalogs, tx);
        ChangeProfileConfiguration change = new ChangeProfileConfiguration(policy, settings, catalogs, tx, audit);
        Optional<DirectorySyncRunner> runner = ldap.map(s -> new DirectorySyncRunner(
                new LdapDirectorySource(s),
                directory,
                assignments,
                catalogs,
                findings,
                syncs,
                tx,
                audit,
                clock,
                syncing.timers()));
        startSync =
                new StartDirectorySync(policy, runner, syncs, directory, schedule, tx, audit, clock, syncing.runs());
        return List.of(
                new AccessProfilesResource(
                        new AccessProfilesResource.UseCases(
                                new ListAccessProfiles(policy, profiles),
                                new GetAccessProfiles(policy, profiles),
                                new SaveAccessProfile(
                                        policy, profiles, directory, assignments, catalogs, tx, audit, clock),
                                new DeleteAccessProfile(policy, profiles, assignments, tx, audit),
                                new DescribeProfileUsage(policy, profiles, findings, tx, clock)),
                        zone),
                new ProfileConfigurationResource(show),
                new AssignmentsResource(
                        new ListProfileAssignments(policy, profiles, assignments, clock),
                        new AssignProfile(policy, profiles, directory, assignments, tx, audit, clock)),
                new AccountRequirementsResource(new ShowAccountRequirements(policy, directory, assignments, profiles)),
                new ComplianceResource(new ComplianceReport(policy, profiles, findings, tx, clock)),
                new DeviationAcceptancesResource(
                        new AcceptDeviation(policy, acceptances, findings, assignments, tx, audit, clock), clock),
                new RemediationResource(new RemediateCompliance(
                        policy, profiles, findings, ldap.map(LdapDirectoryWriter::new), tx, audit, clock)),
                new DirectoryAdminResource(
                        new ImportDirectory(policy, directory, assignments, tx, audit),
                        new RemoveFromDirectory(policy, directory, assignments, tx, audit, clock),
                        new ReadDirectory(policy, directory, tx)),
                new DirectorySyncsResource(startSync, new ShowDirectorySyncs(policy, syncs, tx)),
                new AttributeCatalogAdminResource(show, change),
                new AccessConfigurationAdminResource(show, change));
    }

    /** Starts the sync schedule, once the server serves. */
    void startBackgroundWork() {
        if (startSync != null && ldap.isPresent()) {
            syncing.startSchedule(schedule, startSync);
        }
    }

    @Override
    public void close() {
        syncing.close();
    }
}
