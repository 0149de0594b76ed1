package org.openprofiles.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.domain.certificate.ProfileStatus;

/** The example program tells its whole story on the in-memory adapters and on PostgreSQL, alike. */
@ExtendWith(PostgresExtension.class)
class LibraryExampleTest {

    private static final List<String> STORY = List.of(
            "1. admin created users jane, max (cm-approver) and pat (profile-manager)",
            "2. admin created template \"Staff laptops\" version 1: Renew needs 1 approval by cm-approver",
            "3. admin imported 1 profile for jane from the old server",
            "4. jane sees 1 profile: Active offering [renew, disable]",
            "5. jane asked to renew it: the request is PENDING",
            "6. max approved it: the request is APPROVED",
            "7. jane completed it: the request is COMPLETED; the old profile is Retired, its successor is Active",
            "8. jane sees 2 profiles: Retired offering []; Active offering [renew, disable]",
            "9. admin loaded the directory: 1 group, 2 accounts",
            "10. pat created access profile \"Sales\" (initials S) and assigned it to 2 accounts",
            "11. compliance of jane.doe: compliant",
            "12. compliance of max.muster: non-compliant, not in group Sales; department is \"Support\", should be \"Sales\"",
            "13. the audit trail holds 13 events, one per change");

    private static final List<String> CHANGES = List.of(
            "access-profile.assign",
            "access-profile.create",
            "certificate-profile.import",
            "certificate-request.approve",
            "certificate-request.execute",
            "certificate-request.submit",
            "directory.import-accounts",
            "directory.import-groups",
            "profile-template.create",
            "user.bootstrap-admin",
            "user.create",
            "user.create",
            "user.create");

    /** What one run printed, and how it ended. */
    private record Run(List<String> lines, Story.Outcome outcome) {}

    private static Run run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Story.Outcome outcome;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            outcome = LibraryExample.run(args, Clock.systemUTC(), out);
        }
        return new Run(printed.toString(StandardCharsets.UTF_8).lines().toList(), outcome);
    }

    private static void assertTheWholeStory(Run run, String adapters) {
        assertEquals("OpenProfiles as a library, on " + adapters, run.lines().get(0));
        assertEquals(STORY, run.lines().subList(1, run.lines().size()));
        Story.Outcome outcome = run.outcome();
        assertEquals(ProfileStatus.RETIRED, outcome.importedProfileNow());
        assertEquals(ProfileStatus.ACTIVE, outcome.renewedProfileNow());
        assertEquals(Optional.of(outcome.importedProfile()), outcome.renewedParent());
        assertEquals(List.of("jane.doe"), outcome.compliantAccounts());
        assertEquals(List.of("max.muster"), outcome.nonCompliantAccounts());
        assertEquals(CHANGES, outcome.auditActions().stream().sorted().toList());
    }

    @Test
    void theStoryRunsInMemoryWithoutADatabase() {
        assertTheWholeStory(run(), "memory");
    }

    @Test
    void theSameStoryRunsOnPostgresGivenAJdbcUrl(TestDatabase database) {
        assertTheWholeStory(run(database.url(), "postgres", ""), "PostgreSQL");
    }
}
