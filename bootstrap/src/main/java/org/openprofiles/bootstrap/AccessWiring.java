package org.openprofiles.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.openprofiles.adapter.jdbc.access.JdbiAccessProfiles;
import org.openprofiles.adapter.jdbc.access.JdbiAccessSettings;
import org.openprofiles.adapter.jdbc.access.JdbiAssignments;
import org.openprofiles.adapter.jdbc.access.JdbiAttributeCatalogs;
import org.openprofiles.adapter.jdbc.access.JdbiComplianceFindings;
import org.openprofiles.adapter.jdbc.access.JdbiDirectory;
import org.openprofiles.adapter.rest.access.admin.AccessConfigurationAdminResource;
import org.openprofiles.adapter.rest.access.admin.AttributeCatalogAdminResource;
import org.openprofiles.adapter.rest.access.admin.DirectoryAdminResource;
import org.openprofiles.adapter.rest.access.arm.AccessProfilesResource;
import org.openprofiles.adapter.rest.access.arm.AccountRequirementsResource;
import org.openprofiles.adapter.rest.access.arm.ArmJson;
import org.openprofiles.adapter.rest.access.arm.AssignmentsResource;
import org.openprofiles.adapter.rest.access.arm.ComplianceResource;
import org.openprofiles.adapter.rest.access.arm.ProfileConfigurationResource;
import org.openprofiles.adapter.rest.shared.JsonMappers;
import org.openprofiles.application.access.AssignProfile;
import org.openprofiles.application.access.ChangeProfileConfiguration;
import org.openprofiles.application.access.ComplianceReport;
import org.openprofiles.application.access.DeleteAccessProfile;
import org.openprofiles.application.access.DescribeProfileUsage;
import org.openprofiles.application.access.GetAccessProfiles;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.application.access.ListAccessProfiles;
import org.openprofiles.application.access.ListProfileAssignments;
import org.openprofiles.application.access.SaveAccessProfile;
import org.openprofiles.application.access.ShowAccountRequirements;
import org.openprofiles.application.access.ShowProfileConfiguration;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccessSettings;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.security.AccessPolicy;

/**
 * Hand wiring of the access-profile context: its JDBI adapters, use cases and the two resources
 * (the Access Rights Manager routes and their administration), plus its JSON dialect.
 */
final class AccessWiring {

    private final Wiring shared;
    private final ZoneId zone;
    private final Clock clock;

    AccessWiring(Wiring shared, ZoneId zone, Clock clock) {
        this.shared = shared;
        this.zone = zone;
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
        AccessProfiles profiles = new JdbiAccessProfiles(db);
        Directory directory = new JdbiDirectory(db);
        Assignments assignments = new JdbiAssignments(db);
        ComplianceFindings findings = new JdbiComplianceFindings(db);
        AttributeCatalogs catalogs = new JdbiAttributeCatalogs(db);
        AccessSettings settings = new JdbiAccessSettings(db);
        ShowProfileConfiguration show = new ShowProfileConfiguration(policy, settings, catalogs, tx);
        ChangeProfileConfiguration change = new ChangeProfileConfiguration(policy, settings, catalogs, tx, audit);
        return List.of(
                new AccessProfilesResource(
                        new AccessProfilesResource.UseCases(
                                new ListAccessProfiles(policy, profiles),
                                new GetAccessProfiles(policy, profiles),
                                new SaveAccessProfile(
                                        policy, profiles, directory, assignments, catalogs, tx, audit, clock),
                                new DeleteAccessProfile(policy, profiles, assignments, tx, audit),
                                new DescribeProfileUsage(policy, profiles, findings, tx)),
                        zone),
                new ProfileConfigurationResource(show),
                new AssignmentsResource(
                        new ListProfileAssignments(policy, profiles, assignments),
                        new AssignProfile(policy, profiles, directory, assignments, tx, audit, clock)),
                new AccountRequirementsResource(new ShowAccountRequirements(policy, directory, assignments)),
                new ComplianceResource(new ComplianceReport(policy, profiles, findings, tx)),
                new DirectoryAdminResource(new ImportDirectory(policy, directory, assignments, tx, audit)),
                new AttributeCatalogAdminResource(show, change),
                new AccessConfigurationAdminResource(show, change));
    }
}
