package org.openprofiles.adapter.rest.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jersey on Grizzly: starts on a host and port (0 picks a free one) and stops gracefully. */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final HttpServer server;
    private final URI uri;

    private RestServer(HttpServer server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Binds and starts serving; throws {@link UncheckedIOException} when the port is taken. */
    public static RestServer start(String host, int port, ResourceConfig application) {
        URI requested = URI.create("http://" + host + ":" + port + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(requested, application, false);
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        NetworkListener listener = server.getListeners().iterator().next();
        int bound = boundPort(listener, port);
        return new RestServer(server, URI.create("http://" + uriHost(host) + ":" + bound + "/"));
    }

    /** The base URI clients use, with the port actually bound. */
    public URI uri() {
        return uri;
    }

    /**
     * Stops accepting new connections, waits up to {@code grace} for requests in flight, then
     * closes whatever is left.
     */
    public void stop(Duration grace) {
        try {
            server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS)
                    .get(grace.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("HTTP server did not stop within {}; closing remaining connections", grace);
            server.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private static int boundPort(NetworkListener listener, int requested) {
        if (listener.getServerConnection() != null
                && listener.getServerConnection().getLocalAddress() instanceof InetSocketAddress bound) {
            return bound.getPort();
        }
        return requested;
    }

    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
