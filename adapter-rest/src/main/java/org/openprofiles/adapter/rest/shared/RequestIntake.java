package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.server.ResourceConfig;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a request before Jersey gets it, so that slow or large bodies cannot take the
 * server's threads or memory. A request without a body goes straight on. For one with a body:
 *
 * <ol>
 *   <li>the caller is authenticated first (cheaply: one indexed look-up), and a route marked
 *       {@link Requires} is checked against the {@link AccessPolicy}; a caller refused either way
 *       is handed to Jersey at once, which answers 401/403/429 without reading the body, and the
 *       connection is closed after the answer;
 *   <li>a {@code Content-Length} over the route's limit ({@link Bulk} routes have a larger one)
 *       is answered 413 at once;
 *   <li>otherwise the body is received <em>asynchronously</em> (Grizzly's non-blocking input, no
 *       thread waits for it) into memory reserved from a budget shared by all requests (503 when
 *       it is spent), up to the route's limit (413 as soon as a streamed body passes it) and
 *       within the body timeout (408);
 *   <li>only then does Jersey run, reading the body from memory.
 * </ol>
 *
 * A client sending its body one byte at a time therefore holds a connection and a little memory,
 * never a worker thread. The answers given here are problem+json with the usual security headers.
 */
public final class RequestIntake {

    private static final Logger LOG = LoggerFactory.getLogger(RequestIntake.class);

    /** How much of a body of unknown length is reserved from the budget at a time. */
    private static final int STEP = 64 * 1024;

    private static final String DECISION = RequestIntake.class.getName() + ".decision";

    /**
     * The request property holding Grizzly's own request: filters read the client's address from
     * it without asking the injection framework for the raw request on every call (a per-lookup
     * service creation, measurably a few percent of a read's CPU).
     */
    public static final String RAW_REQUEST = RequestIntake.class.getName() + ".raw";

    /** Grizzly's request behind {@code request}: the intake's property, else from {@code injected}. */
    static Request raw(
            jakarta.ws.rs.container.ContainerRequestContext request, jakarta.inject.Provider<Request> injected) {
        if (request.getProperty(RAW_REQUEST) instanceof Request raw) {
            return raw;
        }
        return injected == null ? null : injected.get();
    }

    /**
     * The limits.
     *
     * @param maxBodyBytes     largest body of an ordinary route
     * @param maxBulkBodyBytes largest body of a {@link Bulk} route
     * @param bodyTimeout      how long a body may take to arrive, from the end of the headers
     * @param bufferBytes      memory all bodies being received may hold together
     * @param maxHeaderBytes   largest header block (request line and header fields); 431 above it
     */
    public record Limits(
            long maxBodyBytes, long maxBulkBodyBytes, Duration bodyTimeout, long bufferBytes, int maxHeaderBytes) {

        public Limits {
            if (maxBodyBytes < 1 || maxBulkBodyBytes < maxBodyBytes || bufferBytes < maxBulkBodyBytes) {
                throw new IllegalArgumentException("need 1 <= max body <= max bulk body <= buffer, was " + maxBodyBytes
                        + ", " + maxBulkBodyBytes + ", " + bufferBytes);
            }
            if (bodyTimeout.isNegative() || bodyTimeout.isZero() || maxHeaderBytes < 1024) {
                throw new IllegalArgumentException("the body timeout must be positive, the header limit >= 1 KiB");
            }
        }
    }

    /** What to do with one request. */
    private sealed interface Decision permits Pass, Refuse, Receive {}

    /** Straight to Jersey: no body, or a caller Jersey will refuse before reading one ({@code close}). */
    private record Pass(boolean close) implements Decision {}

    /** Answered here. */
    private record Refuse(int status, String code, String detail, Map<String, String> headers) implements Decision {}

    /** Receive the body first. */
    private record Receive(long limit, long length, long reserved) implements Decision {}

    private static final Pass NO_BODY = new Pass(false);
    private static final Pass REFUSED_CALLER = new Pass(true);

    private final Limits limits;
    private final Authenticator authenticator;
    private final AccessPolicy policy;
    private final TrustedProxies trusted;
    private final AtomicLong reserved = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "request-body-timeout");
        thread.setDaemon(true);
        return thread;
    });

    public RequestIntake(Limits limits, Authenticator authenticator, AccessPolicy policy, TrustedProxies trusted) {
        this.limits = limits;
        this.authenticator = authenticator;
        this.policy = policy;
        this.trusted = trusted;
    }

    public Limits limits() {
        return limits;
    }

    /** {@code application} (Jersey's handler) behind the intake; {@code config} names its routes. */
    public HttpHandler wrap(HttpHandler application, ResourceConfig config) {
        return new Handler(application, Routes.of(config));
    }

    /** Memory held right now by bodies being received (for tests and metrics). */
    public long reservedBytes() {
        return reserved.get();
    }

    /** Stops the body timer; the server is going down. */
    public void close() {
        timer.shutdownNow();
    }

    /** The client's address: the connection's peer, or behind a trusted proxy the client it names. */
    public static InetAddress clientAddress(Request request, TrustedProxies trusted) {
        InetAddress peer;
        try {
            // The peer is a literal address of the socket: parsed without a DNS look-up.
            peer = request.getRemoteAddr() == null ? null : InetAddress.getByName(request.getRemoteAddr());
        } catch (UnknownHostException e) {
            peer = null;
        }
        return trusted.clientOf(peer, request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
    }

    private boolean reserve(long bytes) {
        long now = reserved.addAndGet(bytes);
        if (now > limits.bufferBytes()) {
            reserved.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    private void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /** The Grizzly handler in front of Jersey's. */
    private final class Handler extends HttpHandler {

        private final HttpHandler application;
        private final Routes routes;

        Handler(HttpHandler application, Routes routes) {
            super("openprofiles");
            this.application = application;
            this.routes = routes;
        }

        @Override
        public void start() {
            application.start();
        }

        @Override
        public void destroy() {
            application.destroy();
            RequestIntake.this.close();
        }

        /** {@code Expect: 100-continue}: no "continue" for a body that will not be read. */
        @Override
        protected boolean sendAcknowledgment(Request request, Response response) throws IOException {
            Decision decision = decision(request);
            if (decision instanceof Refuse refuse) {
                answer(response, refuse);
                return false;
            }
            if (decision instanceof Pass pass && pass.close()) {
                return true;
            }
            return super.sendAcknowledgment(request, response);
        }

        @Override
        public void service(Request request, Response response) throws Exception {
            request.setAttribute(RAW_REQUEST, request);
            Decision decision = decision(request);
            if (decision instanceof Pass pass) {
                if (pass.close()) {
                    response.setHeader("Connection", "close");
                    IntakeResponses.dropRestOfBody(request);
                }
                application.service(request, response);
            } else if (decision instanceof Refuse refuse) {
                answer(response, refuse);
            } else {
                new Body(application, request, response, (Receive) decision).receive();
            }
        }

        private Decision decision(Request request) {
            if (request.getAttribute(DECISION) instanceof Decision known) {
                return known;
            }
            Decision decision = decide(request);
            request.setAttribute(DECISION, decision);
            return decision;
        }

        private Decision decide(Request request) {
            long length = request.getContentLengthLong();
            boolean chunked = request.getRequest().isChunked();
            if (length <= 0 && !chunked) {
                return NO_BODY;
            }
            String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
            String method = request.getMethod().getMethodString();
            List<Routes.Route> candidates = routes.find(method, path);
            if (!Authenticator.isOpen(path)) {
                Authenticator.Outcome outcome = authenticator.authenticate(
                        request.getHeader(HttpHeaders.AUTHORIZATION),
                        request.getAttribute(ClientCertificates.CHAIN_PROPERTY),
                        clientAddress(request, trusted));
                request.setAttribute(Authenticator.OUTCOME, outcome);
                if (outcome.refusal().isPresent()
                        || refusedByRoute(outcome.caller().orElseThrow(), candidates)) {
                    return REFUSED_CALLER;
                }
            }
            boolean bulk = candidates.stream().anyMatch(Routes.Route::bulk);
            long limit = bulk ? limits.maxBulkBodyBytes() : limits.maxBodyBytes();
            if (length > limit) {
                return tooLarge(limit);
            }
            long reservation = length > 0 ? length : Math.min(STEP, limit + 1);
            if (!reserve(reservation)) {
                return busy();
            }
            return new Receive(limit, length, reservation);
        }

        /** True when every route that may serve the request requires the same thing and the caller lacks it. */
        private boolean refusedByRoute(Caller caller, List<Routes.Route> candidates) {
            if (candidates.isEmpty()
                    || candidates.stream().anyMatch(r -> r.requires().isEmpty())) {
                return false;
            }
            Requires first = candidates.get(0).requires().orElseThrow();
            boolean same = candidates.stream()
                    .map(r -> r.requires().orElseThrow())
                    .allMatch(r -> r.value() == first.value() && r.on().equals(first.on()));
            if (!same) {
                return false;
            }
            try {
                policy.require(caller.principal(), first.value(), Resource.of(first.on()));
                return false;
            } catch (Forbidden forbidden) {
                return true;
            }
        }
    }

    private static Refuse tooLarge(long limit) {
        return new Refuse(
                413, "body_too_large", "the request body may be at most " + limit + " bytes on this route", Map.of());
    }

    private static Refuse busy() {
        return new Refuse(
                503,
                "server_busy",
                "the server is receiving too many request bodies right now; try again in 5 seconds",
                Map.of(HttpHeaders.RETRY_AFTER, "5"));
    }

    private static void answer(Response response, Refuse refuse) {
        IntakeResponses.write(response, refuse.status(), refuse.code(), refuse.detail(), refuse.headers());
    }

    /** One body being received: registered with Grizzly's non-blocking input, raced by the timeout. */
    private final class Body implements ReadHandler {

        private final HttpHandler application;
        private final Request request;
        private final Response response;
        private final Receive receive;
        private final NIOInputStream in;
        private final AtomicBoolean done = new AtomicBoolean();
        private long held;
        private volatile ScheduledFuture<?> deadline;

        Body(HttpHandler application, Request request, Response response, Receive receive) {
            this.application = application;
            this.request = request;
            this.response = response;
            this.receive = receive;
            this.in = request.getNIOInputStream();
            this.held = receive.reserved();
        }

        void receive() {
            response.suspend();
            deadline = timer.schedule(this::timedOut, limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // Known length: one notice when all of it is here. Unknown: a notice per step, to check the limit.
            in.notifyAvailable(this, (int) (receive.length() > 0 ? receive.length() : held));
        }

        @Override
        public void onDataAvailable() {
            if (done.get() || receive.length() > 0) {
                // A body of known length is complete when this is called; onAllDataRead follows.
                return;
            }
            long ready = in.readyData();
            if (ready > receive.limit()) {
                fail(tooLarge(receive.limit()));
                return;
            }
            long wanted = Math.min(receive.limit() + 1, ready + STEP);
            if (wanted > held) {
                if (!reserve(wanted - held)) {
                    fail(busy());
                    return;
                }
                held = wanted;
            }
            in.notifyAvailable(this, (int) wanted);
        }

        @Override
        public void onAllDataRead() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            cancelDeadline();
            try {
                // The whole body is in Grizzly's input buffer: Jersey reads it without waiting.
                application.service(request, response);
            } catch (Exception e) {
                LOG.error("request failed after its body was received", Redacted.of(e));
            } finally {
                release(held);
                if (response.isSuspended()) {
                    response.resume();
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The connection was closed, or the body's encoding was broken.
            if (done.compareAndSet(false, true)) {
                cancelDeadline();
                release(held);
                try {
                    if (request.getContext().getConnection().isOpen() && !response.isCommitted()) {
                        answer(
                                response,
                                new Refuse(
                                        400,
                                        "malformed_body",
                                        "the request body could not be read: it is not well formed",
                                        Map.of()));
                        response.resume();
                    }
                } catch (RuntimeException ignored) {
                    // The response is gone with its connection.
                }
            }
        }

        private void timedOut() {
            fail(new Refuse(
                    408,
                    "body_timeout",
                    "the request body did not arrive within "
                            + limits.bodyTimeout().toSeconds() + " seconds",
                    Map.of()));
        }

        private void fail(Refuse refuse) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            cancelDeadline();
            release(held);
            try {
                answer(response, refuse);
                response.resume();
            } catch (RuntimeException e) {
                // The client went away meanwhile.
                LOG.debug("could not answer {}: {}", refuse.status(), e.toString());
            }
        }

        private void cancelDeadline() {
            ScheduledFuture<?> scheduled = deadline;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
