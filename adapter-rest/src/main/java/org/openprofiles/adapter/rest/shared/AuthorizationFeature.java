package org.openprofiles.adapter.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Resource;

/**
 * Puts a check through the {@link AccessPolicy} in front of every resource method marked
 * {@link Requires} (on the method or its class). It runs after matching and authentication and
 * before Jersey reads the entity, so a refused caller costs no body parsing and learns nothing
 * about the validity of its input.
 */
public final class AuthorizationFeature implements DynamicFeature {

    private final AccessPolicy policy;

    public AuthorizationFeature(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Requires required = resource.getResourceMethod().getAnnotation(Requires.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(Requires.class);
        }
        if (required != null) {
            context.register(new Check(policy, required.value(), Resource.of(required.on())));
        }
    }

    /** The check of one route. */
    @Priority(Priorities.AUTHORIZATION)
    private static final class Check implements ContainerRequestFilter {

        private final AccessPolicy policy;
        private final Action action;
        private final Resource resource;

        Check(AccessPolicy policy, Action action, Resource resource) {
            this.policy = policy;
            this.action = action;
            this.resource = resource;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            policy.require(Caller.of(request.getSecurityContext()), action, resource);
        }
    }
}
