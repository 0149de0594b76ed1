package org.openprofiles.adapter.rest.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey on Grizzly: starts on a host and port (0 picks a free one), speaking HTTPS when given
 * {@link TlsSettings} (TLS 1.3 and 1.2 only, forward-secret AEAD ciphers, client certificates
 * asked for when mutual TLS is configured, optionally a plain port that only redirects), and
 * stops gracefully.
 */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    /** TLS versions offered: nothing older than 1.2. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** TLS 1.3 suites, then TLS 1.2 ECDHE suites with AEAD ciphers only (no CBC, no RSA key exchange). */
    static final List<String> CIPHERS = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final HttpServer server;
    private final Optional<HttpServer> redirect;
    private final URI uri;
    private final AtomicReference<ApplicationHandler> application;

    private RestServer(
            HttpServer server,
            Optional<HttpServer> redirect,
            URI uri,
            AtomicReference<ApplicationHandler> application) {
        this.server = server;
        this.redirect = redirect;
        this.uri = uri;
        this.application = application;
    }

    /** Binds and starts serving plain HTTP; throws {@link UncheckedIOException} when the port is taken. */
    public static RestServer start(String host, int port, ResourceConfig application) {
        return start(host, port, Optional.empty(), Optional.empty(), application);
    }

    /**
     * Binds and starts serving, over HTTPS when {@code tls} is present; throws
     * {@link UncheckedIOException} when a port is taken or the keystore cannot be used.
     *
     * @param publicBase where redirects from the plain port point (else {@code https://host:port/})
     */
    public static RestServer start(
            String host, int port, Optional<TlsSettings> tls, Optional<URI> publicBase, ResourceConfig application) {
        return start(host, port, tls, publicBase, application, Optional.empty());
    }

    /** As above, with the {@link RequestIntake} in front of Jersey when present (bodies, limits). */
    public static RestServer start(
            String host,
            int port,
            Optional<TlsSettings> tls,
            Optional<URI> publicBase,
            ResourceConfig application,
            Optional<RequestIntake> intake) {
        return prepare(host, port, tls, publicBase, application, intake).listen();
    }

    /**
     * A server whose Jersey application is built (and TLS keys loaded) but which does not listen
     * yet: a caller finishes what must be done before the first request, then {@link #listen}s.
     */
    public static final class Prepared {
        private final HttpServer server;
        private final String host;
        private final int port;
        private final URI requested;
        private final Optional<TlsSettings> tls;
        private final Optional<URI> publicBase;
        private final AtomicReference<ApplicationHandler> running;

        private Prepared(
                HttpServer server,
                String host,
                int port,
                URI requested,
                Optional<TlsSettings> tls,
                Optional<URI> publicBase,
                AtomicReference<ApplicationHandler> running) {
            this.server = server;
            this.host = host;
            this.port = port;
            this.requested = requested;
            this.tls = tls;
            this.publicBase = publicBase;
            this.running = running;
        }

        /** Binds and starts serving; throws {@link UncheckedIOException} when a port is taken. */
        public RestServer listen() {
            RestServer.listen(server, host, port);
            int bound = boundPort(server.getListeners().iterator().next(), port);
            URI uri = URI.create(requested.getScheme() + "://" + uriHost(host) + ":" + bound + "/");
            Optional<HttpServer> redirect = Optional.empty();
            if (tls.isPresent() && tls.get().redirectPort().isPresent()) {
                try {
                    redirect = Optional.of(redirectServer(
                            host,
                            tls.get().redirectPort().get(),
                            publicBase
                                    .filter(b -> "https".equals(b.getScheme()))
                                    .orElse(uri)));
                } catch (RuntimeException e) {
                    server.shutdownNow();
                    throw e;
                }
            }
            return new RestServer(server, redirect, uri, running);
        }

        /** Gives up a server that never listened. */
        public void close() {
            server.shutdownNow();
        }
    }

    /**
     * Builds the server without binding it ({@link Prepared#listen} does); throws
     * {@link UncheckedIOException} when the TLS keystore cannot be used.
     */
    public static Prepared prepare(
            String host,
            int port,
            Optional<TlsSettings> tls,
            Optional<URI> publicBase,
            ResourceConfig application,
            Optional<RequestIntake> intake) {
        AtomicReference<ApplicationHandler> running = new AtomicReference<>();
        application.register(new ContainerLifecycleListener() {
            @Override
            public void onStartup(Container container) {
                running.set(container.getApplicationHandler());
            }

            @Override
            public void onReload(Container container) {
                running.set(container.getApplicationHandler());
            }

            @Override
            public void onShutdown(Container container) {
                // Nothing to release.
            }
        });
        URI requested = URI.create((tls.isPresent() ? "https" : "http") + "://" + host + ":" + port + "/");
        HttpServer server = tls.isPresent()
                ? GrizzlyHttpServerFactory.createHttpServer(requested, application, true, sslEngine(tls.get()), false)
                : GrizzlyHttpServerFactory.createHttpServer(requested, application, false);
        intake.ifPresent(i -> guard(server, i, application));
        return new Prepared(server, host, port, requested, tls, publicBase, running);
    }

    /** Puts the intake in front of Jersey's handler, and its header limit and error answers on the listener. */
    private static void guard(HttpServer server, RequestIntake intake, ResourceConfig application) {
        NetworkListener listener = server.getListeners().iterator().next();
        listener.setMaxHttpHeaderSize(intake.limits().maxHeaderBytes());
        listener.registerAddOn(new ProblemCodec());
        ServerConfiguration configuration = server.getServerConfiguration();
        for (Map.Entry<HttpHandler, HttpHandlerRegistration[]> handler :
                List.copyOf(configuration.getHttpHandlersWithMapping().entrySet())) {
            configuration.removeHttpHandler(handler.getKey());
            configuration.addHttpHandler(intake.wrap(handler.getKey(), application), handler.getValue());
        }
    }

    private static void listen(HttpServer server, String host, int port) {
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** A plain-HTTP listener that answers every request with 308 to the same path on {@code target}. */
    private static HttpServer redirectServer(String host, int port, URI target) {
        HttpServer server = new HttpServer();
        server.addListener(new NetworkListener("redirect", host, port));
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) {
                String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
                String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
                String base = target.toString().endsWith("/")
                        ? target.toString().substring(0, target.toString().length() - 1)
                        : target.toString();
                response.setStatus(308);
                response.setHeader("Location", base + path + query);
                response.setContentLength(0);
            }
        });
        listen(server, host, port);
        return server;
    }

    /** Grizzly's TLS engine from the keystore (and the client CAs for mutual TLS). */
    static SSLEngineConfigurator sslEngine(TlsSettings tls) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.keystore())) {
                keys.load(in, tls.password());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, tls.password());
            TrustManagerFactory trustManagers = null;
            if (tls.clientCa().isPresent()) {
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                try (InputStream in = Files.newInputStream(tls.clientCa().get())) {
                    int i = 0;
                    for (Certificate ca :
                            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        trusted.setCertificateEntry("client-ca-" + i++, ca);
                    }
                    if (i == 0) {
                        throw new GeneralSecurityException(
                                "no certificate in " + tls.clientCa().get());
                    }
                }
                trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trusted);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keyManagers.getKeyManagers(),
                    trustManagers == null ? null : trustManagers.getTrustManagers(),
                    null);
            SSLParameters supported = context.getSupportedSSLParameters();
            String[] ciphers = CIPHERS.stream()
                    .filter(Arrays.asList(supported.getCipherSuites())::contains)
                    .toArray(String[]::new);
            // "Want", not "need": callers without a certificate still sign in with a bearer token.
            SSLEngineConfigurator engine = new SSLEngineConfigurator(
                    context, false, false, tls.clientCa().isPresent());
            engine.setEnabledProtocols(PROTOCOLS);
            engine.setEnabledCipherSuites(ciphers);
            return engine;
        } catch (IOException | GeneralSecurityException e) {
            throw new UncheckedIOException(
                    "cannot use the TLS keystore " + tls.keystore() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    /**
     * Jersey's runtime model of what this server serves (every resource and method, as matched):
     * for tests and tools that must see every route, including ones added later.
     */
    public ResourceModel resourceModel() {
        return application
                .get()
                .getInjectionManager()
                .getInstance(ExtendedResourceContext.class)
                .getResourceModel();
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
        redirect.ifPresent(HttpServer::shutdownNow);
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
