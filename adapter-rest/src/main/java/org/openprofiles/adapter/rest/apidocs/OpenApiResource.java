package org.openprofiles.adapter.rest.apidocs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.Set;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;

/**
 * {@code GET /openapi.json} and {@code /openapi.yaml}: the OpenAPI 3.1 description of every route
 * this server serves, open to everyone (it says nothing a client of the published APIs does not
 * know). Written once, on first request, from the resources Jersey actually serves.
 */
@Path("")
public final class OpenApiResource {

    private final String version;
    private volatile OpenApiDocument.Rendered rendered;

    /** @param version the server's version, the document's {@code info.version} */
    public OpenApiResource(String version) {
        this.version = version;
    }

    @GET
    @Path("openapi.json")
    public Response json(@Context ExtendedResourceContext resources) {
        return Response.ok(document(resources).json(), "application/json")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    @GET
    @Path("openapi.yaml")
    public Response yaml(@Context ExtendedResourceContext resources) {
        return Response.ok(document(resources).yaml(), "application/yaml")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private OpenApiDocument.Rendered document(ExtendedResourceContext resources) {
        OpenApiDocument.Rendered found = rendered;
        if (found == null) {
            synchronized (this) {
                if (rendered == null) {
                    Set<Class<?>> classes = new LinkedHashSet<>();
                    for (Resource resource : resources.getResourceModel().getRootResources()) {
                        classes.addAll(resource.getHandlerClasses());
                    }
                    rendered = OpenApiDocument.of(classes, version);
                }
                found = rendered;
            }
        }
        return found;
    }
}
