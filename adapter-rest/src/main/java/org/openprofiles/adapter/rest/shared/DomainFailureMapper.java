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

/** The one place where business failures become HTTP status codes. */
public final class DomainFailureMapper implements ExceptionMapper<DomainFailure> {

    @Override
    public Response toResponse(DomainFailure failure) {
        Problem problem = Problem.of(statusOf(failure), failure.code(), failure.field().orElse(null),
                failure.getMessage());
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

    /** Exhaustive over the sealed family: a new failure kind will not compile until mapped. */
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
        }
        throw new IllegalStateException("unmapped failure " + failure.getClass());
    }
}
