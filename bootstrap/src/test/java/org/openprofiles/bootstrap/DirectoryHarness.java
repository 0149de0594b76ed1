package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.adapter.ldap.testing.LdapProxy;

/**
 * A server under test pointed at a real LDAP server, for the directory sync tests: a fresh
 * database, the LDAP server reached through an {@link LdapProxy} (so a test can hold or cut the
 * conversation), and the calls the tests make — start a sync and wait for its end, read the
 * directory back, page through lists.
 */
final class DirectoryHarness implements AutoCloseable {

    /** A typical page size would read the fixture in one page; 2 makes every read span several. */
    static final String PAGE_SIZE = "2";

    final DirectoryServer directory;
    final LdapProxy proxy;
    final LdapSettings.Preset preset;
    final TestDatabase db;
    private final Map<Setting<?>, String> settings = new LinkedHashMap<>();
    Server server;
    Http http;

    private DirectoryHarness(DirectoryServer directory, LdapSettings.Preset preset) throws Exception {
        this.directory = directory;
        this.preset = preset;
        this.proxy = LdapProxy.to(directory);
        this.db = PostgresExtension.freshDatabase();
        settings.put(Config.LDAP_URL, proxy.url());
        settings.put(Config.LDAP_PRESET, preset.setting());
        settings.put(Config.LDAP_BIND_DN, directory.bindDn());
        settings.put(Config.LDAP_BIND_PASSWORD, directory.bindPassword());
        settings.put(Config.LDAP_BASE_DN, directory.baseDn());
        settings.put(Config.LDAP_SYNC_INTERVAL, "0");
        settings.put(Config.LDAP_PAGE_SIZE, PAGE_SIZE);
        settings.put(Config.LDAP_RESPONSE_TIMEOUT, "20s");
        settings.put(Config.LDAP_CONNECT_TIMEOUT, "5s");
    }

    /** A server on a fresh database reading {@code directory}, with these settings besides. */
    static DirectoryHarness start(DirectoryServer directory, LdapSettings.Preset preset, Map<Setting<?>, String> more)
            throws Exception {
        DirectoryHarness harness = new DirectoryHarness(directory, preset);
        harness.settings.putAll(more);
        harness.startServer();
        return harness;
    }

    private void startServer() {
        Config.Builder builder = TestServers.builder(db);
        settings.forEach(builder::with);
        server = Server.start(TestServers.build(builder));
        http = new Http(server.uri());
    }

    /** Stops the server and starts another on the same database with these settings changed. */
    void restart(Map<Setting<?>, String> changed) {
        server.close();
        settings.putAll(changed);
        startServer();
    }

    /** Another server process on the same database, with the same settings (the caller closes it). */
    Server secondServer() {
        Config.Builder builder = TestServers.builder(db);
        settings.forEach(builder::with);
        return Server.start(TestServers.build(builder));
    }

    /** Starts a sync ({@code full} or {@code incremental}); asserts the 202 and answers the sync. */
    JsonNode startSync(String mode) {
        HttpResponse<String> started =
                http.post("/admin/v1/directory/syncs", "{\"mode\": \"" + mode + "\"}", TestUsers.admin());
        assertEquals(202, started.statusCode(), started.body());
        JsonNode sync = AccessFixtures.json(started);
        assertEquals(
                server.uri()
                        .resolve("admin/v1/directory/syncs/" + sync.get("id").asText())
                        .toString(),
                started.headers().firstValue("Location").orElseThrow());
        return sync;
    }

    /** The sync once it is no longer running (polling its resource; a minute at most). */
    JsonNode awaitSync(String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> read = http.get("/admin/v1/directory/syncs/" + id, TestUsers.admin());
            assertEquals(200, read.statusCode(), read.body());
            JsonNode sync = AccessFixtures.json(read);
            if (!sync.get("state").asText().equals("running")) {
                return sync;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sync did not end within a minute: " + sync);
            }
            sleep(50);
        }
    }

    /** A full sync started and awaited. */
    JsonNode sync() {
        return awaitSync(startSync("full").get("id").asText());
    }

    /** Every item of a paged GET route, following {@code Link: rel="next"}. */
    List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        while (next != null) {
            HttpResponse<String> page = http.get(next, TestUsers.admin());
            assertEquals(200, page.statusCode(), page.body());
            AccessFixtures.json(page).forEach(items::add);
            next = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                    .orElse(null);
        }
        return items;
    }

    /** The stored accounts by samAccountName. */
    Map<String, JsonNode> accounts() {
        Map<String, JsonNode> accounts = new LinkedHashMap<>();
        all("/admin/v1/directory/accounts?limit=3")
                .forEach(a -> accounts.put(a.get("samAccountName").asText(), a));
        return accounts;
    }

    /** The stored groups by name. */
    Map<String, JsonNode> groups() {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        all("/admin/v1/directory/groups?limit=3")
                .forEach(g -> groups.put(g.get("name").asText(), g));
        return groups;
    }

    UUID accountId(String login) {
        return UUID.fromString(accounts().get(login).get("id").asText());
    }

    UUID groupId(String name) {
        return UUID.fromString(groups().get(name).get("id").asText());
    }

    /** The names of the groups an account is stored as a member of. */
    List<String> membershipsOf(String login) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT g.name FROM account_group_membership m
                          JOIN directory_group g ON g.id = m.group_id
                          JOIN directory_account a ON a.id = m.account_id
                         WHERE a.sam_account_name = :login ORDER BY g.name
                        """)
                        .bind("login", login)
                        .mapTo(String.class)
                        .list());
    }

    /** One stored attribute value of an account ("" for none). */
    String attributeOf(String login, String key) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT COALESCE((SELECT x.value FROM account_attribute x
                                          JOIN directory_account a ON a.id = x.account_id
                                         WHERE a.sam_account_name = :login AND x.name = :key), '')
                        """)
                        .bind("login", login)
                        .bind("key", key)
                        .mapTo(String.class)
                        .one());
    }

    /** Everything the directory tables hold, as text: to compare before and after a failed sync. */
    String directorySnapshot() {
        return db.jdbi()
                .withHandle(h -> String.join(
                        "\n",
                        h.createQuery("""
                                SELECT id || ' ' || sam_account_name || ' ' || display_name || ' ' || enabled
                                  FROM directory_account ORDER BY id
                                """).mapTo(String.class).list().toString(),
                        h.createQuery(
                                        "SELECT id || ' ' || name || ' ' || COALESCE(missing_since::text, '') FROM directory_group ORDER BY id")
                                .mapTo(String.class)
                                .list()
                                .toString(),
                        h.createQuery("SELECT account_id || ' ' || group_id FROM account_group_membership ORDER BY 1")
                                .mapTo(String.class)
                                .list()
                                .toString(),
                        h.createQuery(
                                        "SELECT account_id || ' ' || name || '=' || value FROM account_attribute ORDER BY 1")
                                .mapTo(String.class)
                                .list()
                                .toString(),
                        h.createQuery(
                                        "SELECT account_id || ' ' || profile_id || ' ' || deviations FROM profile_assignment ORDER BY 1")
                                .mapTo(String.class)
                                .list()
                                .toString()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            proxy.close();
            directory.close();
            PostgresExtension.drop(db);
        }
    }
}
