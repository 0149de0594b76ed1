package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PreconditionFailed;
import org.openprofiles.domain.shared.Unauthenticated;
import org.openprofiles.domain.shared.Unprocessable;

/** The one place where business failures become HTTP status codes. */
public final class DomainFailureMapper implements ExceptionMapper<DomainFailure> {

    /** RFC 9110's 422, which JAX-RS's {@link Status} does not name. */
    static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    @Override
    public Response toResponse(DomainFailure failure) {
        Problem problem =
                Problem.of(statusOf(failure), failure.code(), failure.field().orElse(null), failure.getMessage());
        if (failure instanceof Invalid invalid && invalid.violations().size() > 1) {
            problem = problem.withErrors(invalid.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.code(), v.message()))
                    .toList());
        }
        Response.ResponseBuilder builder = Response.status(problem.status());
        if (failure instanceof Unauthenticated) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return problem.toResponse(builder);
    }

    /**
     * The status of each member of the sealed family; {@code DomainFailureMapperTest} fails when a
     * new member is added without a status of its own here.
     */
    public static Response.StatusType statusOf(DomainFailure failure) {
        if (failure instanceof NotFound) {
            return Status.NOT_FOUND;
        } else if (failure instanceof Forbidden) {
            return Status.FORBIDDEN;
        } else if (failure instanceof Conflict) {
            return Status.CONFLICT;
        } else if (failure instanceof Invalid) {
            return Status.BAD_REQUEST;
        } else if (failure instanceof Unauthenticated) {
            return Status.UNAUTHORIZED;
        } else if (failure instanceof PreconditionFailed) {
            return Status.PRECONDITION_FAILED;
        } else if (failure instanceof Unprocessable) {
            return UNPROCESSABLE_CONTENT;
        }
        throw new IllegalStateException("unmapped failure " + failure.getClass());
    }
}
