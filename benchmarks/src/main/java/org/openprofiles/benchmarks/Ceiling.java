package org.openprofiles.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.jdbi.v3.core.Jdbi;

/**
 * The ceiling the routes are measured against, run as its own process on the same machine and
 * database: a bare Jersey application on Grizzly with Jackson (the server's versions, its default
 * worker threads) and JDBI over a HikariCP pool of the server's default size. One resource runs ONE
 * indexed SELECT, the page a Certificate Management list reads (a user's first ten profiles in
 * recorded order), and writes the rows as JSON; the other returns fixed bytes (a real response of
 * the server) without a database. No authentication, no filters, no transaction.
 */
public final class Ceiling {

    private Ceiling() {}

    /** A row as the ceiling writes it. */
    public record ProfileRow(
            @JsonProperty("Uuid") UUID id,
            @JsonProperty("Status") String status,
            @JsonProperty("Flags") int flags,
            @JsonProperty("ParentProfileUuid") UUID parent,
            @JsonProperty("PrimaryProfileUuid") UUID primary,
            @JsonProperty("AssignedUserUuid") UUID user,
            @JsonProperty("ProfileTemplateUuid") UUID template,
            @JsonProperty("ProfileTemplateVersion") long templateVersion,
            @JsonProperty("Comment") String comment) {}

    /** The two ceiling routes. */
    @Path("ceiling")
    public static final class CeilingResource {

        private final Jdbi jdbi;
        private final byte[] bytes;

        CeilingResource(Jdbi jdbi, byte[] bytes) {
            this.jdbi = jdbi;
            this.bytes = bytes;
        }

        @GET
        @Path("query")
        @Produces(MediaType.APPLICATION_JSON)
        public List<ProfileRow> query(@QueryParam("user") UUID user) {
            return jdbi.withHandle(h -> h.createQuery("""
                            SELECT id, status, flags, parent_profile_id, primary_profile_id, assigned_user_id,
                                   template_id, template_version, comment
                              FROM certificate_profile
                             WHERE assigned_user_id = :user
                             ORDER BY seq
                             LIMIT 10
                            """)
                    .bind("user", user)
                    .map((rs, ctx) -> new ProfileRow(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getObject(4, UUID.class),
                            rs.getObject(5, UUID.class),
                            rs.getObject(6, UUID.class),
                            rs.getObject(7, UUID.class),
                            rs.getLong(8),
                            rs.getString(9)))
                    .list());
        }

        @GET
        @Path("bytes")
        public Response bytes() {
            return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    /**
     * {@code ceiling <jdbc-url> <pool-size> <bytes-file>}: serves on a free port of 127.0.0.1,
     * prints {@code ceiling listening on <uri>}, runs until killed.
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int poolSize = Integer.parseInt(args[1]);
        byte[] bytes = Files.readAllBytes(java.nio.file.Path.of(args[2]));
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(Math.min(2, poolSize));
        HikariDataSource dataSource = new HikariDataSource(pool);
        Jdbi jdbi = Jdbi.create(dataSource);
        ResourceConfig application = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .registerInstances(new CeilingResource(jdbi, bytes));
        HttpServer server =
                GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application, true);
        int port = ((java.net.InetSocketAddress) server.getListeners()
                        .iterator()
                        .next()
                        .getServerConnection()
                        .getLocalAddress())
                .getPort();
        System.out.println("ceiling listening on http://127.0.0.1:" + port + "/");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
