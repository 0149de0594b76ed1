package org.openprofiles.adapter.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link TextRules} to what arrives in the URL before anything matches or parses it: a
 * query parameter or path holding a NUL is a 400 naming it.
 */
@PreMatching
@Priority(50)
public final class TextRulesFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        TextRules.checked(request.getUriInfo().getPath(true), "path");
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters(true).entrySet()) {
            TextRules.checked(parameter.getKey(), "query");
            for (String value : parameter.getValue()) {
                TextRules.checked(value, parameter.getKey());
            }
        }
    }
}
