package org.openprofiles.adapter.rest.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;
import org.openprofiles.domain.shared.Unauthenticated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Watches every request from the moment Jersey starts it until its response is written, and
 * then writes its access-log line and records its metrics; either may be switched off.
 *
 * <p>The access log (logger {@value #ACCESS_LOGGER}, one INFO line per request): method, path as
 * the client sent it (no query string), status, response bytes, duration, the route template
 * Jersey matched, the user id when the caller signed in, and (from the logging context) the
 * request id; never a header, a token or a body.
 *
 * <p>Metrics: {@code http_server_requests_seconds} (count, sum and histogram buckets) by
 * {@code method}, {@code route} (the matched template, {@value #UNMATCHED} when no route matched:
 * never the raw path) and {@code status}; {@code openprofiles_authentication_failures_total} by
 * {@code reason} (the failure's stable code).
 */
public final class RequestObservation implements ApplicationEventListener, WriterInterceptor {

    public static final String ACCESS_LOGGER = "org.openprofiles.access";

    /** The route of a request no resource method matched (unknown path, or refused before matching). */
    public static final String UNMATCHED = "unmatched";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final String BYTES = RequestObservation.class.getName() + ".bytes";
    private static final String NO_USER = "-";
    private static final int MAX_PATH = 512;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final Pattern REASON = Pattern.compile("[a-z0-9_]{1,48}");
    private static final Pattern DOUBLED_SLASHES = Pattern.compile("/{2,}");

    /** Latency buckets: what a user notices, up to what a client's timeout cuts off. */
    static final List<Duration> BUCKETS = List.of(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    private final boolean accessLog;
    private final Optional<Meter.MeterProvider<Timer>> requests;
    private final Optional<Meter.MeterProvider<Counter>> authenticationFailures;

    /**
     * The route of each resource method, worked out once: a method's templates do not change
     * (methods reached through a sub-resource locator are worked out each time).
     */
    private final Map<ResourceMethod, String> routes = new ConcurrentHashMap<>();

    /** The timer of each series met so far, so that a request looks one up instead of building its tags. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    /** One label set of {@code http_server_requests_seconds}. */
    private record Series(String method, String route, int status) {}

    /**
     * @param metrics where to record request metrics; empty records none
     * @param accessLog whether to write the access log
     */
    public RequestObservation(Optional<MeterRegistry> metrics, boolean accessLog) {
        this.accessLog = accessLog;
        this.requests = metrics.map(registry -> Timer.builder("http.server.requests")
                .description("HTTP requests served, by method, matched route template and status")
                .serviceLevelObjectives(BUCKETS.toArray(Duration[]::new))
                .withRegistry(registry));
        this.authenticationFailures = metrics.map(registry -> Counter.builder("openprofiles.authentication.failures")
                .description("requests refused with 401, by the reason's stable code")
                .withRegistry(registry));
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Only requests matter here.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        // The START event comes here, not to the listener returned.
        return new Watch(
                System.nanoTime(),
                clipped(start.getContainerRequest().getRequestUri().getRawPath()));
    }

    /** Counts the bytes of the response body as Jersey writes them, into the request's {@link Tally}. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(BYTES) instanceof Tally tally) {
            context.setOutputStream(new Counting(context.getOutputStream(), tally));
        }
        context.proceed();
    }

    /** One request, from START to FINISHED. */
    private final class Watch implements RequestEventListener {
        private final long started;
        private final String path;
        private final Tally bytes = new Tally();
        private Throwable failure;
        private Optional<String> requestId = Optional.empty();
        private String user = NO_USER;

        Watch(long started, String path) {
            this.started = started;
            this.path = path;
        }

        @Override
        public void onEvent(RequestEvent event) {
            switch (event.getType()) {
                case ON_EXCEPTION -> failure = event.getException();
                case REQUEST_FILTERED, RESP_FILTERS_START -> remember(event.getContainerRequest());
                case FINISHED -> finished(event, System.nanoTime() - started);
                default -> {}
            }
        }

        /**
         * Takes what the log line needs from the request's properties while they can be read: a
         * request whose body the {@link RequestIntake} received is finished by Grizzly (and its
         * properties gone) before Jersey reports it FINISHED.
         */
        private void remember(ContainerRequest request) {
            if (requestId.isEmpty()) {
                // Once per request: the property and the id do not change between the two events.
                request.setProperty(BYTES, bytes);
                requestId = RequestIds.of(request);
            }
            if (NO_USER.equals(user)
                    && request.getSecurityContext() != null
                    && request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
                user = caller.principal().userId().toString();
            }
        }

        private void finished(RequestEvent event, long nanos) {
            ContainerRequest request = event.getContainerRequest();
            ContainerResponse response = event.getContainerResponse();
            int status = response == null ? 500 : response.getStatus();
            String route = route(event.getUriInfo());
            String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
            if (requests.isPresent()) {
                timer(new Series(method, route, status)).record(nanos, TimeUnit.NANOSECONDS);
            }
            if (unauthenticated(failure) instanceof Unauthenticated refused) {
                authenticationFailures.ifPresent(counters -> counters.withTag(
                                "reason", REASON.matcher(refused.code()).matches() ? refused.code() : "other")
                        .increment());
            }
            if (accessLog && ACCESS.isInfoEnabled()) {
                log(request, status, route, nanos);
            }
        }

        private void log(ContainerRequest request, int status, String route, long nanos) {
            long bytes = this.bytes.count;
            long tenths = nanos / 100_000;
            String millis = tenths / 10 + "." + tenths % 10;
            // The request id is in the logging context already, unless another listener cleared it first.
            String id = requestId.orElse("-");
            boolean restore = MDC.get(RequestIds.MDC_KEY) == null;
            if (restore) {
                MDC.put(RequestIds.MDC_KEY, id);
            }
            try {
                LoggingEventBuilder line = ACCESS.atInfo()
                        .addKeyValue("method", request.getMethod())
                        .addKeyValue("path", path)
                        .addKeyValue("route", route)
                        .addKeyValue("status", status)
                        .addKeyValue("bytes", bytes)
                        .addKeyValue("durationMs", millis)
                        .addKeyValue("user", user);
                // Written out here rather than as a "{} {} …" pattern: no placeholder parsing per line.
                line.log(request.getMethod() + " " + path + " " + status + " " + bytes + "B " + millis + "ms route="
                        + route + " user=" + user);
            } finally {
                if (restore) {
                    MDC.remove(RequestIds.MDC_KEY);
                }
            }
        }
    }

    /** The template of the matched resource method, e.g. {@code /admin/v1/users/{id}}; {@link #UNMATCHED} when none. */
    String route(ExtendedUriInfo uri) {
        if (uri == null || uri.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        if (!uri.getMatchedResourceLocators().isEmpty()) {
            // Reached through a sub-resource locator: the same method may sit under several paths.
            return joined(uri.getMatchedTemplates());
        }
        String known = routes.get(uri.getMatchedResourceMethod());
        return known != null
                ? known
                : routes.computeIfAbsent(uri.getMatchedResourceMethod(), method -> joined(uri.getMatchedTemplates()));
    }

    /** The templates Jersey matched (innermost first) as one path, without doubled or trailing slashes. */
    private static String joined(List<UriTemplate> templates) {
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            route.append('/').append(templates.get(i).getTemplate());
        }
        String joined = DOUBLED_SLASHES.matcher(route).replaceAll("/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The timer of a series, registered when first met (the registry's tag limits apply then). */
    private Timer timer(Series series) {
        Timer known = timers.get(series);
        return known != null
                ? known
                : timers.computeIfAbsent(
                        series,
                        s -> requests.orElseThrow()
                                .withTags(
                                        "method",
                                        s.method(),
                                        "route",
                                        s.route(),
                                        "status",
                                        Integer.toString(s.status())));
    }

    /** The {@link Unauthenticated} behind {@code failure} (Jersey wraps what filters throw), or null. */
    private static Throwable unauthenticated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Unauthenticated) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String clipped(String path) {
        String raw = path == null || path.isEmpty() ? "/" : path;
        return raw.length() > MAX_PATH ? raw.substring(0, MAX_PATH) + "…" : raw;
    }

    /** The bytes of one response body so far. */
    private static final class Tally {
        private volatile long count;
    }

    /** An output stream that counts what passes through it into a {@link Tally}. */
    private static final class Counting extends FilterOutputStream {
        private final Tally tally;

        Counting(OutputStream out, Tally tally) {
            super(out);
            this.tally = tally;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            tally.count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            tally.count += len;
        }
    }
}
