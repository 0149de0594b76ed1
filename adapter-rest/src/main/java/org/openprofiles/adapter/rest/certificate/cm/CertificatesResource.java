package org.openprofiles.adapter.rest.certificate.cm;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.VendorQuery;
import org.openprofiles.application.certificate.ListCertificates;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.shared.Page;

/**
 * Certificates as the vendor lists them, X509ClmCertificate objects: {@code GET …/certificates}
 * (the caller's in force, paged like the other lists) and {@code GET …/profiles/{id}/certificates}
 * (all of a profile's). 204 when there are none or the profile is not the caller's to see.
 */
@Path("certificatemanagement/api/v1.0")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificatesResource {

    private final ListCertificates list;
    private final Clock clock;

    public CertificatesResource(ListCertificates list, Clock clock) {
        this.list = list;
        this.clock = clock;
    }

    @GET
    @Path("certificates")
    public Response mine(@Context UriInfo uri, @Context SecurityContext security) {
        var page = Paging.request(VendorQuery.first(uri, Paging.LIMIT), VendorQuery.first(uri, Paging.CURSOR));
        Page<CertificateRecord> found = list.ofCaller(Caller.of(security), page);
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        Instant now = clock.instant();
        return Paging.linkNext(
                        Response.ok(found.items().stream()
                                .map(r -> ClmCertificateModel.from(r, now))
                                .toList()),
                        uri,
                        found)
                .build();
    }

    @GET
    @Path("profiles/{id}/certificates")
    public Response ofProfile(@PathParam("id") String id, @Context SecurityContext security) {
        List<CertificateRecord> found =
                list.ofProfile(Caller.of(security), new CertificateProfileId(Guids.parse(id, "id")));
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        Instant now = clock.instant();
        return Response.ok(found.stream()
                        .map(r -> ClmCertificateModel.from(r, now))
                        .toList())
                .build();
    }
}
