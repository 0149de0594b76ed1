package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PagingTest {

    /** A UriInfo that knows only the request's URI, all {@link Paging#nextPage} reads. */
    private static UriInfo requested(String uri) {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return URI.create(uri);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theNextPageKeepsEveryOtherParameterAsSentAndReplacesTheCursor() {
        assertEquals(
                "http://h:1/api/v1/profiles?limit=10&cursor=YWJj.dGFn",
                Paging.nextPage(requested("http://h:1/api/v1/profiles?limit=10"), "YWJj.dGFn"));
        assertEquals(
                "http://h:1/api/v1/profiles?limit=10&search=a%20b&cursor=bmV3.dGFn",
                Paging.nextPage(
                        requested("http://h:1/api/v1/profiles?cursor=b2xk.dGFn&limit=10&search=a%20b&cursor"),
                        "bmV3.dGFn"));
        assertEquals("https://h/p/list?cursor=bmV3.dGFn", Paging.nextPage(requested("https://h/p/list"), "bmV3.dGFn"));
    }
}
