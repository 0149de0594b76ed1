package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.MDC;

/**
 * Every request has an id: the client's {@code X-Request-Id} when it is a sane one (1 to 128
 * letters, digits and {@code . _ : + / = @ -}, so it cannot break a log line or a header), a new
 * random one otherwise. It is in the logging context ({@link #MDC_KEY}) for every line logged
 * while the request is served, echoed in the response's {@code X-Request-Id}, and stamped on
 * every problem+json body as {@code requestId}.
 *
 * <p>The id is assigned when Jersey starts the request, before any filter runs, and the logging
 * context is cleared when Jersey has finished it, response written.
 */
public final class RequestIds implements ApplicationEventListener, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";

    /** The key of the id in the logging context (logback's {@code %X{requestId}}, a JSON log's {@code mdc}). */
    public static final String MDC_KEY = "requestId";

    /** The request property holding the id. */
    static final String PROPERTY = RequestIds.class.getName();

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:+/=@-]{1,128}");

    private static final RequestEventListener PER_REQUEST = event -> {
        if (event.getType() == RequestEvent.Type.FINISHED) {
            MDC.remove(MDC_KEY);
        }
    };

    @Override
    public void onEvent(ApplicationEvent event) {
        // Only requests matter here.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        // The START event comes here, before any filter; the listener returned sees the rest.
        assign(start.getContainerRequest());
        return PER_REQUEST;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = of(request).orElseGet(() -> assign(request));
        response.getHeaders().putSingle(HEADER, id);
        if (response.getEntity() instanceof Problem problem && problem.requestId() == null) {
            response.setEntity(problem.withRequestId(id), response.getEntityAnnotations(), response.getMediaType());
        }
    }

    /** The id of the request, once assigned. */
    public static Optional<String> of(ContainerRequestContext request) {
        return Optional.ofNullable(request.getProperty(PROPERTY)).map(Object::toString);
    }

    /** Whether {@code id} may be used as it is: short, and only characters that need no escaping anywhere. */
    static boolean isSane(String id) {
        return id != null && SANE.matcher(id).matches();
    }

    private static String assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = isSane(given) ? given : generate();
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** A random UUID; not a secret, so the thread's fast generator is enough. */
    private static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(3L << 62)) | (2L << 62);
        return new UUID(high, low).toString();
    }
}
