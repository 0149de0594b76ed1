package org.openprofiles.adapter.rest.shared;

import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.Request;

/**
 * Makes the request's base URI the one clients use, before anything else runs, so every absolute
 * URI the server writes ({@code Location}, {@code Link: rel="next"}, ...) through {@code UriInfo}
 * is right without each resource caring. The base is, in this order: what a trusted reverse
 * proxy says in {@code Forwarded} or {@code X-Forwarded-Proto|Host|Port|Prefix}; the configured
 * public base URL; the listener's own address. The client's {@code Host} header is never used.
 */
@PreMatching
@Priority(50)
public final class PublicUris implements ContainerRequestFilter {

    private static final Pattern HOST =
            Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?");
    private static final Pattern PREFIX = Pattern.compile("(?:/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*/?");

    private final Optional<URI> publicBase;
    private final TrustedProxies trusted;
    private final String listenerHost;

    @Context
    private Provider<Request> grizzly;

    /** The listener's own base, the same for every request: found on the first one and kept. */
    private volatile URI listenerBase;

    /**
     * @param publicBase   the configured public base URL, ending with '/'
     * @param trusted      proxies whose forwarding headers are believed
     * @param listenerHost the address the listener binds; a wildcard becomes this machine's name
     */
    public PublicUris(Optional<URI> publicBase, TrustedProxies trusted, String listenerHost) {
        this.publicBase = publicBase;
        this.trusted = trusted;
        this.listenerHost = hostForLinks(listenerHost);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI oldBase = request.getUriInfo().getBaseUri();
        // Without trusted proxies the base never depends on the request: no lookup of the raw
        // request and no URI to parse on each one (this filter runs on every request).
        URI base;
        if (trusted.isEmpty()) {
            base = publicBase.orElseGet(this::listenerBase);
        } else {
            Request raw = RequestIntake.raw(request, grizzly);
            base = forwarded(request, raw).or(() -> publicBase).orElseGet(() -> listenerBase(raw));
        }
        if (base.equals(oldBase)) {
            return;
        }
        URI oldRequest = request.getUriInfo().getRequestUri();
        String relative = oldRequest
                .getRawPath()
                .substring(Math.min(
                        oldBase.getRawPath().length(), oldRequest.getRawPath().length()));
        String query = oldRequest.getRawQuery() == null ? "" : "?" + oldRequest.getRawQuery();
        request.setRequestUri(base, URI.create(base + relative + query));
    }

    private URI listenerBase() {
        URI known = listenerBase;
        if (known == null) {
            known = listenerBase(grizzly.get());
            listenerBase = known;
        }
        return known;
    }

    private URI listenerBase(Request raw) {
        return URI.create((raw.isSecure() ? "https" : "http") + "://" + listenerHost + ":" + raw.getLocalPort() + "/");
    }

    private Optional<URI> forwarded(ContainerRequestContext request, Request raw) {
        if (trusted.isEmpty() || !trusted.contains(remote(raw))) {
            return Optional.empty();
        }
        String proto = null;
        String host = null;
        String forwarded = request.getHeaderString("Forwarded");
        if (forwarded != null) {
            // The first element is what the proxy nearest the client saw.
            String first = forwarded.split(",")[0];
            for (String pair : first.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).strip());
                    if (name.equals("proto")) {
                        proto = value;
                    } else if (name.equals("host")) {
                        host = value;
                    }
                }
            }
        }
        proto = proto != null ? proto : firstValue(request.getHeaderString("X-Forwarded-Proto"));
        host = host != null ? host : firstValue(request.getHeaderString("X-Forwarded-Host"));
        String port = firstValue(request.getHeaderString("X-Forwarded-Port"));
        String prefix = firstValue(request.getHeaderString("X-Forwarded-Prefix"));
        if (proto == null && host == null && prefix == null) {
            return Optional.empty();
        }
        String scheme = proto == null ? (raw.isSecure() ? "https" : "http") : proto.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String authority = host != null
                ? host
                : publicBase.map(URI::getRawAuthority).orElse(listenerHost + ":" + raw.getLocalPort());
        if (!HOST.matcher(authority).matches()) {
            return Optional.empty();
        }
        if (port != null && port.matches("\\d{1,5}") && !authority.matches(".*:\\d+$")) {
            authority = authority + ":" + port;
        }
        String path = prefix == null ? "/" : prefix;
        if (!PREFIX.matcher(path).matches()) {
            return Optional.empty();
        }
        path = (path.startsWith("/") ? "" : "/") + path + (path.endsWith("/") ? "" : "/");
        try {
            return Optional.of(URI.create(scheme + "://" + authority + path));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static InetAddress remote(Request raw) {
        try {
            String address = raw.getRemoteAddr();
            return address == null ? null : InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String firstValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",")[0].strip();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String hostForLinks(String bindHost) {
        if (bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]")) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
        return bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
    }
}
