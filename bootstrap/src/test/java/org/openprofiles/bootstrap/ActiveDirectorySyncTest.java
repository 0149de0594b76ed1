package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;

/**
 * The directory sync against UnboundID's in-memory server behaving as Active Directory (binary
 * objectGUIDs, memberOf, USNs): the shared scenarios, plus incremental syncs by USN and the
 * schedule.
 */
class ActiveDirectorySyncTest extends DirectorySyncContract {

    @Override
    DirectoryServer startDirectory() {
        return InMemoryDirectory.activeDirectory();
    }

    @Override
    LdapSettings.Preset preset() {
        return LdapSettings.Preset.ACTIVE_DIRECTORY;
    }

    @Override
    Names names() {
        return ACTIVE_DIRECTORY;
    }

    /** Active Directory's read starts with the root DSE (highestCommittedUSN): one search more. */
    @Override
    int searchesBeforeTheFirstAccountPage() {
        return 5;
    }

    @Test
    void anIncrementalSyncReadsOnlyChangedAccountsAndLeavesRemovalsToTheNextFullSync() throws Exception {
        DirectoryHarness h = start(Map.of());
        h.sync();
        try (LDAPConnection admin = h.directory.admin()) {
            admin.modify(
                    "CN=Eve Evans,OU=Staff,DC=corp,DC=example,DC=com",
                    new Modification(ModificationType.REPLACE, "title", "Intern"));
            admin.delete("CN=Carol Clark,OU=Staff,DC=corp,DC=example,DC=com");
        }

        JsonNode incremental = h.awaitSync(h.startSync("incremental").get("id").asText());

        assertEquals("succeeded", incremental.get("state").asText(), incremental.toString());
        assertEquals("changes", incremental.get("scope").asText());
        assertEquals(
                List.of(1, 0, 1, 0),
                counts(incremental.get("counts").get("accounts"), "read", "added", "changed", "removed"),
                "only eve was read; carol's deletion is not seen by a read of changes");
        assertEquals("Intern", h.attributeOf("eve", "title"));
        assertTrue(h.accounts().containsKey("carol"));

        JsonNode full = h.sync();
        assertEquals(1, full.get("counts").get("accounts").get("removed").asInt(), "the full sync finds it gone");
        assertTrue(!h.accounts().containsKey("carol"));
    }

    @Test
    void anIncrementalSyncWithoutAnEarlierOneReadsEverythingAndSaysWhy() throws Exception {
        DirectoryHarness h = start(Map.of());
        JsonNode sync = h.awaitSync(h.startSync("incremental").get("id").asText());
        assertEquals("full", sync.get("scope").asText());
        assertTrue(sync.get("fullReadReason").asText().contains("watermark"), sync.toString());
        assertEquals(4, sync.get("counts").get("accounts").get("added").asInt());
    }

    @Test
    void theScheduleStartsSyncsOnItsOwn() throws Exception {
        DirectoryHarness h = start(Map.of(Config.LDAP_SYNC_INTERVAL, "1s", Config.LDAP_FULL_SYNC_INTERVAL, "1h"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<JsonNode> syncs = List.of();
        while (System.nanoTime() < deadline) {
            syncs = h.all("/admin/v1/directory/syncs").stream()
                    .filter(s -> s.get("state").asText().equals("succeeded"))
                    .toList();
            if (syncs.size() >= 2) {
                break;
            }
            DirectoryHarness.sleep(100);
        }
        assertTrue(syncs.size() >= 2, "two scheduled syncs within 30 s: " + syncs);
        JsonNode older = syncs.get(syncs.size() - 1);
        JsonNode newer = syncs.get(syncs.size() - 2);
        assertEquals("scheduled", older.get("trigger").asText());
        assertEquals("full", older.get("mode").asText(), "the first reads everything");
        assertEquals("incremental", newer.get("mode").asText(), "the next, within the full interval, reads changes");
        assertTrue(older.get("startedBy").isNull(), "started by the service itself");
    }
}
