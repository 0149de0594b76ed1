package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PreconditionFailed;
import org.openprofiles.domain.shared.Unauthenticated;
import org.openprofiles.domain.shared.Unprocessable;

/** Every member of the sealed failure family has its own client-error status, in the one mapper. */
class DomainFailureMapperTest {

    private static final Map<Class<?>, Integer> EXPECTED = Map.of(
            NotFound.class,
            404,
            Forbidden.class,
            403,
            Conflict.class,
            409,
            Invalid.class,
            400,
            Unauthenticated.class,
            401,
            PreconditionFailed.class,
            412,
            Unprocessable.class,
            422);

    @Test
    void everyPermittedFailureKindMapsToItsOwnClientErrorStatus() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (Class<?> kind : DomainFailure.class.getPermittedSubclasses()) {
            DomainFailure failure = instanceOf(kind);
            int status = DomainFailureMapper.statusOf(failure).getStatusCode();
            assertTrue(status >= 400 && status < 500, kind + " maps to " + status);
            assertTrue(seen.add(status), kind + " shares status " + status + " with another kind");
            assertEquals(EXPECTED.get(kind), status, "status of " + kind.getSimpleName());
        }
        assertEquals(
                EXPECTED.keySet(),
                Set.of(DomainFailure.class.getPermittedSubclasses()),
                "a failure kind was added or removed: give it a status in DomainFailureMapper and here");
    }

    @Test
    void aMappedFailureIsAProblemBodyNamingCodeAndField() {
        var response = new DomainFailureMapper().toResponse(new Unprocessable("reused", "Idempotency-Key", "no"));
        assertEquals(422, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("reused", problem.code());
        assertEquals("Idempotency-Key", problem.field());
        assertNotEquals(null, problem.title());
    }

    /** A failure of {@code kind} made through its (code, field, message) or (code, message) constructor. */
    private static DomainFailure instanceOf(Class<?> kind) throws Exception {
        for (Constructor<?> constructor : kind.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 3 && parameters[0] == String.class && parameters[1] == String.class) {
                return (DomainFailure) constructor.newInstance("code", "field", "message");
            }
        }
        for (Constructor<?> constructor : kind.getConstructors()) {
            if (constructor.getParameterCount() == 2) {
                return (DomainFailure) constructor.newInstance("code", "message");
            }
        }
        throw new AssertionError("no usable constructor on " + kind);
    }
}
