package org.openprofiles.adapter.rest.certificate.pki;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.openprofiles.application.certificate.AnswerOcsp;
import org.openprofiles.application.certificate.GetCaCertificates;
import org.openprofiles.application.certificate.GetCrl;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.PkiLocations;
import org.openprofiles.domain.certificate.pki.SignedCrl;
import org.openprofiles.domain.shared.NotFound;

/**
 * The published PKI, without authentication (relying parties have no account): the CA chain as
 * PEM, each CA's certificate (the AIA caIssuers URL of what it issued), each issuing CA's CRL (the
 * CRL distribution point) and the OCSP responder (RFC 6960 A.1: POST, or GET with the base64
 * request in the path). The URLs are those {@link PkiLocations} puts into certificates.
 */
@Path("pki")
public final class PkiResource {

    static final String PEM_CHAIN = "application/pem-certificate-chain";
    static final String PKIX_CERT = "application/pkix-cert";
    static final String PKIX_CRL = "application/pkix-crl";
    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";
    /** Far above an OCSP request of ten certificates (under 1 KiB); bounds what is read. */
    static final int MAX_OCSP_REQUEST = 16 * 1024;
    /** How long HTTP caches may keep the public certificates. */
    private static final Duration CA_CACHE = Duration.ofHours(1);
    /** How long HTTP caches may keep a CRL: a revocation shows within minutes, whatever its nextUpdate. */
    private static final Duration CRL_CACHE = Duration.ofMinutes(5);

    private final GetCaCertificates certificates;
    private final GetCrl crls;
    private final AnswerOcsp ocsp;

    public PkiResource(GetCaCertificates certificates, GetCrl crls, AnswerOcsp ocsp) {
        this.certificates = certificates;
        this.crls = crls;
        this.ocsp = ocsp;
    }

    @GET
    @Path("chain.pem")
    public Response chain() {
        return cached(Response.ok(certificates.get().chainPem(), PEM_CHAIN), CA_CACHE);
    }

    @GET
    @Path("ca/{file}")
    public Response caCertificate(@PathParam("file") String file) {
        Optional<CaCertificate> found =
                issuer(file, ".crt").flatMap(id -> certificates.get().find(id));
        return found.map(ca -> cached(Response.ok(ca.der(), PKIX_CERT), CA_CACHE))
                .orElseThrow(() -> notFound(file));
    }

    @GET
    @Path("crl/{file}")
    public Response crl(@PathParam("file") String file) {
        Optional<SignedCrl> found = issuer(file, ".crl").flatMap(crls::get);
        return found.map(crl ->
                        cached(Response.ok(crl.der(), PKIX_CRL).lastModified(Date.from(crl.thisUpdate())), CRL_CACHE))
                .orElseThrow(() -> notFound(file));
    }

    @POST
    @Path("ocsp")
    @Consumes(OCSP_REQUEST)
    public Response ocspPost(InputStream body) {
        return answer(readBounded(body));
    }

    /** RFC 6960 A.1: the request base64 (and URL-encoded) in the path. */
    @GET
    @Path("ocsp/{request: .+}")
    public Response ocspGet(@PathParam("request") @Encoded String encoded) {
        byte[] request;
        try {
            request = Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            // Not base64: the responder answers malformedRequest to what it cannot parse.
            request = new byte[0];
        }
        return answer(request);
    }

    private Response answer(byte[] request) {
        // RFC 5019: answers to GET may be cached until their nextUpdate; a short bound keeps them fresh.
        return Response.ok(ocsp.answer(request), OCSP_RESPONSE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private static byte[] readBounded(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_OCSP_REQUEST + 1);
            return bytes.length > MAX_OCSP_REQUEST ? new byte[0] : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer an URL's file names ({@code <issuer id><extension>}), when it is well-formed. */
    private static Optional<IssuerId> issuer(String file, String extension) {
        if (file == null || !file.endsWith(extension)) {
            return Optional.empty();
        }
        try {
            return Optional.of(IssuerId.parse(file.substring(0, file.length() - extension.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Response cached(Response.ResponseBuilder response, Duration maxAge) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) maxAge.toSeconds());
        cache.setPrivate(false);
        return response.cacheControl(cache).build();
    }

    private static NotFound notFound(String file) {
        return new NotFound("issuer_not_found", "file", "no CA of this service is published as '" + file + "'");
    }
}
