package org.openprofiles.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.adapter.rest.shared.TlsSettings;

/**
 * The demo: loads the API documents' examples into an empty database through the server's own
 * routes, as the admin, so that the README's example calls answer as the documents show. The data
 * lives in {@code demo/*.json} beside this class, in the bodies the bulk routes take (so the files
 * double as examples for {@code import}): the three Certificate Management example profiles with
 * their two templates and owner, the Access Rights Manager example profiles Test/Test1/Test2, a
 * small directory with two assignments, and users whose tokens are printed once.
 */
final class DemoData {

    private final URI server;
    private final Optional<TlsSettings> tls;

    DemoData(URI server, Optional<TlsSettings> tls) {
        this.server = server;
        this.tls = tls;
    }

    /**
     * Loads everything, or says why not (a database that is not empty keeps its data).
     *
     * @param adminToken     the admin's token (known when this start created the admin)
     * @param freshDatabase  true when this start created the admin, i.e. the database was empty
     * @return the users' tokens by login, empty when nothing was loaded
     */
    Map<String, String> load(String adminToken, boolean freshDatabase, PrintStream out) {
        if (!freshDatabase || adminToken == null) {
            throw new Cli.Refused("the demo loads only into an empty database, and this one has data already "
                    + "(start with a new --data-dir, or an empty --db-url)");
        }
        ApiClient api = new ApiClient(server, adminToken, tls);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (JsonNode user : resource("users.json")) {
            api.post("/admin/v1/users", user);
            JsonNode issued = api.post(
                    "/admin/v1/users/" + user.get("id").asText() + "/tokens",
                    ApiClient.JSON.createObjectNode().put("name", "demo"));
            tokens.put(user.get("login").asText(), issued.get("token").asText());
        }
        for (JsonNode template : resource("templates.json")) {
            api.post("/admin/v1/profile-templates", template);
        }
        api.post("/admin/v1/certificate-profiles/import", resource("certificate-profiles.json"));
        api.post("/admin/v1/directory/groups", resource("directory-groups.json"));
        api.post("/admin/v1/directory/accounts", resource("directory-accounts.json"));
        for (JsonNode profile : resource("access-profiles.json")) {
            api.post("/api/v1/Profiles/CreateUpdate", profile);
        }
        for (JsonNode assignment : resource("assignments.json")) {
            api.post("/api/v1/Profiles/Assign", assignment);
        }
        out.println("Demo data loaded: 2 profile templates, 3 certificate profiles of 'example-owner', access profiles "
                + "Test, Test1 and Test2, 3 directory groups and 3 accounts (alice and bob assigned to Test1).");
        out.println("Demo tokens (shown once; the README's example calls use these variables):");
        out.println("  export ADMIN_TOKEN=" + adminToken);
        tokens.forEach((login, token) -> out.println("  export " + variable(login) + "=" + token));
        out.println("  export BASE=" + server.toString().replaceAll("/$", ""));
        return tokens;
    }

    /** {@code example-owner} → {@code OWNER_TOKEN}, {@code manager} → {@code MANAGER_TOKEN}. */
    static String variable(String login) {
        String word = login.startsWith("example-") ? login.substring("example-".length()) : login;
        return word.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_TOKEN";
    }

    private static JsonNode resource(String name) {
        JsonNode node = ApiClient.resource("demo/" + name);
        if (node instanceof ObjectNode) {
            throw new IllegalStateException("demo/" + name + " must be an array");
        }
        return node;
    }
}
