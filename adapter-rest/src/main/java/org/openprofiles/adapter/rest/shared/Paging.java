package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Function;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Paging on the wire, the same on every list route: optional {@code limit} and {@code cursor}
 * query parameters in, an RFC 8288 {@code Link: <…>; rel="next"} header out when there is more.
 * The body stays whatever the route's document says (often a plain array).
 */
public final class Paging {

    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";

    private Paging() {}

    /** The page asked for; {@code defaultLimit} when no limit was given. Bad values are a 400 naming the parameter. */
    public static PageRequest request(String limit, String cursor, int defaultLimit) {
        int parsed = defaultLimit;
        if (limit != null && !limit.isBlank()) {
            try {
                parsed = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new Invalid("invalid_limit", LIMIT, "limit must be a whole number, was '" + limit + "'");
            }
        }
        Optional<String> after = cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(cursor.strip());
        return new PageRequest(after, parsed);
    }

    public static PageRequest request(String limit, String cursor) {
        return request(limit, cursor, PageRequest.DEFAULT_LIMIT);
    }

    /** Adds {@code Link: <same URI with cursor=next>; rel="next"} when {@code page} has a next page. */
    public static Response.ResponseBuilder linkNext(Response.ResponseBuilder response, UriInfo uri, Page<?> page) {
        page.nextCursor().ifPresent(next -> response.header("Link", "<" + nextPage(uri, next) + ">; rel=\"next\""));
        return response;
    }

    /**
     * The request's own URI with {@code cursor} set to {@code next} and every other parameter as
     * the client sent it. Written out as text: a cursor is URL-safe base64 and a dot, and the
     * request URI is already absolute and encoded (a URI builder parsed and re-encoded it all).
     */
    static String nextPage(UriInfo uri, String next) {
        String request = uri.getRequestUri().toString();
        int question = request.indexOf('?');
        StringBuilder link = new StringBuilder(request.length() + next.length() + 8);
        link.append(request, 0, question < 0 ? request.length() : question).append('?');
        if (question >= 0) {
            for (String parameter : request.substring(question + 1).split("&")) {
                if (!parameter.isEmpty() && !parameter.equals(CURSOR) && !parameter.startsWith(CURSOR + "=")) {
                    link.append(parameter).append('&');
                }
            }
        }
        return link.append(CURSOR).append('=').append(next).toString();
    }

    /** A page as the plain JSON array of its items' models, with {@code Link: rel="next"} when there is more. */
    public static <T> Response plainArray(Page<T> page, Function<T, ?> model, UriInfo uri) {
        return linkNext(Response.ok(page.items().stream().map(model).toList()), uri, page)
                .build();
    }
}
