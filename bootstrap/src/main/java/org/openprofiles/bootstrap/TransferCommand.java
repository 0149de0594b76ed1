package org.openprofiles.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import} and {@code export}: files ↔ a running server's bulk routes, with the caller's own
 * token, so that authorization and the audit trail apply as for any client. A file is a JSON
 * array of exactly what the route takes (the demo's files in the jar are examples).
 */
final class TransferCommand {

    /** What can be moved, the route that takes it, how many items one call carries, and the route that lists it. */
    enum Kind {
        USERS("users", "/admin/v1/users/import", 10_000, Optional.empty()),
        TEMPLATES("templates", "/admin/v1/profile-templates", 1, Optional.of("/admin/v1/profile-templates")),
        CERTIFICATE_PROFILES("certificate-profiles", "/admin/v1/certificate-profiles/import", 10_000, Optional.empty()),
        DIRECTORY_GROUPS("directory-groups", "/admin/v1/directory/groups", 1000, Optional.empty()),
        DIRECTORY_ACCOUNTS("directory-accounts", "/admin/v1/directory/accounts", 1000, Optional.empty()),
        ACCESS_PROFILES("access-profiles", "/api/v1/Profiles/CreateUpdate", 1, Optional.of("/api/v1/Profiles")),
        ASSIGNMENTS("assignments", "/api/v1/Profiles/Assign", 1, Optional.empty());

        final String word;
        final String importRoute;
        final int batch;
        final Optional<String> listRoute;

        Kind(String word, String importRoute, int batch, Optional<String> listRoute) {
            this.word = word;
            this.importRoute = importRoute;
            this.batch = batch;
            this.listRoute = listRoute;
        }

        static Kind of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return kind;
                }
            }
            throw new Cli.Refused("unknown kind '" + word + "'; one of users, templates, certificate-profiles, "
                    + "directory-groups, directory-accounts, access-profiles, assignments");
        }
    }

    private static final Pattern NEXT_CURSOR = Pattern.compile("[?&]cursor=([^&>]+)[^>]*>\\s*;\\s*rel=\"next\"");
    private static final JsonFactory FACTORY = ApiClient.JSON.getFactory();

    private TransferCommand() {}

    /** Options both directions share: which server, and whose token. */
    abstract static class Remote {
        final Cli.Io io;

        @Option(
                names = "--url",
                defaultValue = "http://127.0.0.1:8080/",
                paramLabel = "URL",
                description = "the running server [default: ${DEFAULT-VALUE}]")
        URI url;

        @Option(
                names = "--token-file",
                paramLabel = "FILE",
                description = "file holding the API token to call with; else the variable PROFILES_TOKEN")
        Path tokenFile;

        Remote(Cli.Io io) {
            this.io = io;
        }

        ApiClient api() throws IOException {
            String token = tokenFile != null
                    ? Files.readString(tokenFile).strip()
                    : io.env().get("PROFILES_TOKEN");
            if (token == null || token.isBlank()) {
                throw new Cli.Refused("give the API token with --token-file FILE or the variable PROFILES_TOKEN");
            }
            URI base = url.toString().endsWith("/") ? url : URI.create(url + "/");
            return new ApiClient(base, token, Optional.empty());
        }
    }

    /** {@code import KIND FILE}. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Sends a JSON file to a running server's bulk route: users (10,000 per call), templates, "
                        + "certificate-profiles "
                        + "(10,000 per call), directory-groups, directory-accounts (1,000 per call), access-profiles, "
                        + "assignments. Each call is all or nothing.",
                "Ctrl-C stops after the call in flight and says how many items are committed; --skip continues."
            })
    static final class Import extends Remote implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "KIND", description = "what the file holds")
        String kind;

        @Parameters(index = "1", paramLabel = "FILE", description = "a JSON array in the route's own body shape")
        Path file;

        @Option(
                names = "--skip",
                defaultValue = "0",
                paramLabel = "N",
                description = "leave out the first N items " + "(those a stopped import committed)")
        long skip;

        Import(Cli.Io io) {
            super(io);
        }

        @Override
        public Integer call() throws Exception {
            Kind what = Kind.of(kind);
            ApiClient api = api();
            long total = count(file);
            Progress progress = new Progress(io.out(), io.terminal(), "import " + what.word, "items", total - skip);
            long committed = skip;
            try (Interruption interruption = new Interruption(() -> {});
                    InputStream in = Files.newInputStream(file);
                    JsonParser parser = FACTORY.createParser(in)) {
                parser.setCodec(ApiClient.JSON);
                expectArray(parser, file);
                ArrayNode batch = ApiClient.JSON.createArrayNode();
                long index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode item = parser.readValueAsTree();
                    if (index++ < skip) {
                        continue;
                    }
                    batch.add(item);
                    if (batch.size() == what.batch) {
                        if (interruption.requested()) {
                            return stopped(committed, total);
                        }
                        committed += send(api, what, batch);
                        progress.advance(what.batch);
                        batch = ApiClient.JSON.createArrayNode();
                    }
                }
                if (!batch.isEmpty()) {
                    if (interruption.requested()) {
                        return stopped(committed, total);
                    }
                    committed += send(api, what, batch);
                    progress.advance(batch.size());
                }
                progress.finish("Imported " + (committed - skip) + " " + what.word + " from " + file);
                return Cli.OK;
            } catch (ApiClient.Refused refused) {
                io.err()
                        .println("openprofiles: items " + (committed + 1) + ".."
                                + Math.min(total, committed + what.batch) + " were refused: " + refused.getMessage());
                io.err()
                        .println("openprofiles: " + committed + " of " + total + " items are committed; fix the file "
                                + "and continue with --skip " + committed);
                return Cli.REFUSED;
            }
        }

        private int stopped(long committed, long total) {
            io.out()
                    .println("Import stopped by Ctrl-C: " + committed + " of " + total + " items are committed; "
                            + "continue with --skip " + committed);
            return Cli.INTERRUPTED;
        }

        private static int send(ApiClient api, Kind what, ArrayNode batch) {
            if (what.batch == 1) {
                api.post(what.importRoute, importable(batch.get(0)));
            } else {
                api.post(what.importRoute, batch);
            }
            return batch.size();
        }

        /** Leaves out what the server computes itself (dates, initials), so that an export imports again. */
        private static JsonNode importable(JsonNode item) {
            if (item instanceof ObjectNode object) {
                ObjectNode copy = object.deepCopy();
                copy.remove(java.util.List.of(
                        "creationDateTimeLocal", "lastModifiedDateTimeLocal", "initials", "createdAt", "updatedAt"));
                return copy;
            }
            return item;
        }

        private static long count(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file);
                    JsonParser parser = FACTORY.createParser(in)) {
                expectArray(parser, file);
                long n = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                    n++;
                }
                return n;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new Cli.Refused(file + " is not a JSON array: " + e.getOriginalMessage());
            }
        }

        private static void expectArray(JsonParser parser, Path file) throws IOException {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new Cli.Refused(file + " must hold a JSON array");
            }
        }
    }

    /** {@code export KIND FILE}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Writes everything a running server lists of a kind into a JSON file that 'import' takes: "
                        + "templates, access-profiles. (Certificate profiles and the directory have no list route yet: "
                        + "use 'backup'.)",
                "Ctrl-C stops it and removes the partial file."
            })
    static final class Export extends Remote implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "KIND", description = "templates or access-profiles")
        String kind;

        @Parameters(index = "1", paramLabel = "FILE", description = "the JSON file to write")
        Path file;

        Export(Cli.Io io) {
            super(io);
        }

        @Override
        public Integer call() throws Exception {
            Kind what = Kind.of(kind);
            if (what.listRoute.isEmpty()) {
                throw new Cli.Refused(what.word + " cannot be exported: the server has no route listing all of them; "
                        + "'backup' keeps them");
            }
            ApiClient api = api();
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Progress progress = new Progress(io.out(), io.terminal(), "export " + what.word, "items", 0);
            boolean complete = false;
            try (Interruption interruption = new Interruption(() -> {});
                    OutputStream out = Files.newOutputStream(partial);
                    JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
                json.writeStartArray();
                Optional<String> cursor = Optional.empty();
                do {
                    if (interruption.requested()) {
                        io.out().println("Export stopped by Ctrl-C: " + file + " not written.");
                        return Cli.INTERRUPTED;
                    }
                    ApiClient.Page page = api.page(what.listRoute.get() + "?limit=1000"
                            + cursor.map(c -> "&cursor=" + c).orElse(""));
                    for (JsonNode item : page.body()) {
                        ApiClient.JSON.writeTree(json, item);
                        progress.advance(1);
                    }
                    cursor = page.link()
                            .map(NEXT_CURSOR::matcher)
                            .filter(Matcher::find)
                            .map(m -> URLDecoder.decode(m.group(1), StandardCharsets.UTF_8))
                            .map(c -> java.net.URLEncoder.encode(c, StandardCharsets.UTF_8));
                } while (cursor.isPresent());
                json.writeEndArray();
                json.flush();
                complete = true;
            } finally {
                if (!complete) {
                    Files.deleteIfExists(partial);
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.finish("Exported " + progress.done() + " " + what.word + " to " + file);
            return Cli.OK;
        }
    }
}
