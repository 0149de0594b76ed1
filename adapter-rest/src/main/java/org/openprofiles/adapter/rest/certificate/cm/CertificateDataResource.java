package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.TextRules;
import org.openprofiles.application.certificate.GetCertificateGenerationOptions;
import org.openprofiles.application.certificate.SubmitCertificateData;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.shared.Invalid;

/**
 * The client's part of a request that issues a certificate: {@code GET
 * …/requests/{id}/certificaterequestgenerationoptions} (how to make the key and PKCS#10 request;
 * 204 when the client makes none) and {@code POST …/requests/{id}/certificatedata} with
 * {@code {"pfxpassword", "certificaterequests", "comments"}}, answered with the vendor's
 * Certificate objects. The PFX password is never logged or echoed.
 */
@Path("certificatemanagement/api/v1.0")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificateDataResource {

    private static final String PFX_PASSWORD = "pfxpassword";
    private static final String CERTIFICATE_REQUESTS = "certificaterequests";
    private static final String COMMENTS = "comments";
    private static final Set<String> KEYS = Set.of(PFX_PASSWORD, CERTIFICATE_REQUESTS, COMMENTS);
    /** More requests than a template ever asks for: bounds the work a body can cause. */
    private static final int MAX_REQUESTS = 10;

    private final GetCertificateGenerationOptions options;
    private final SubmitCertificateData submit;

    public CertificateDataResource(GetCertificateGenerationOptions options, SubmitCertificateData submit) {
        this.options = options;
        this.submit = submit;
    }

    @GET
    @Path("requests/{id}/certificaterequestgenerationoptions")
    public Response generationOptions(@PathParam("id") String id, @Context SecurityContext security) {
        List<GetCertificateGenerationOptions.Option> found = options.get(Caller.of(security), requestId(id));
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(found.stream().map(GenerationOptionModel::from).toList())
                .build();
    }

    @POST
    @Path("requests/{id}/certificatedata")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response certificateData(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        List<SubmitCertificateData.Delivery> delivered =
                submit.submit(Caller.of(security), requestId(id), command(body));
        return Response.ok(delivered.stream().map(CertificateModel::from).toList())
                .build();
    }

    /** The vendor's lower-case keys, matched in any case; an unknown one is a 400 naming it. */
    static SubmitCertificateData.Command command(JsonNode body) {
        VendorBody.object(body, KEYS);
        JsonNode password = field(body, PFX_PASSWORD);
        if (password != null && !password.isNull() && !password.isTextual()) {
            throw new Invalid("not_a_string", PFX_PASSWORD, PFX_PASSWORD + " must be a string");
        }
        JsonNode comments = field(body, COMMENTS);
        if (comments != null && !comments.isNull() && !comments.isTextual()) {
            throw new Invalid("not_a_string", COMMENTS, COMMENTS + " must be a string");
        }
        return new SubmitCertificateData.Command(
                password == null || password.isNull()
                        ? Optional.empty()
                        : Optional.of(TextRules.checked(password.asText(), PFX_PASSWORD)),
                requests(field(body, CERTIFICATE_REQUESTS)),
                comments == null || comments.isNull() ? "" : TextRules.checked(comments.asText(), COMMENTS));
    }

    private static List<String> requests(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new Invalid(
                    "not_a_list",
                    CERTIFICATE_REQUESTS,
                    CERTIFICATE_REQUESTS + " must be a list of base64 PKCS#10 requests");
        }
        if (value.size() > MAX_REQUESTS) {
            throw new Invalid(
                    "too_many",
                    CERTIFICATE_REQUESTS,
                    CERTIFICATE_REQUESTS + " holds at most " + MAX_REQUESTS + " requests");
        }
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String field = CERTIFICATE_REQUESTS + "[" + i + "]";
            if (!value.get(i).isTextual()) {
                throw new Invalid("not_a_string", field, field + " must be a base64 PKCS#10 request");
            }
            requests.add(TextRules.checked(value.get(i).asText(), field));
        }
        return requests;
    }

    private static JsonNode field(JsonNode body, String key) {
        return VendorBody.field(body, key);
    }

    private static RequestId requestId(String id) {
        return new RequestId(Guids.parse(id, "id"));
    }
}
