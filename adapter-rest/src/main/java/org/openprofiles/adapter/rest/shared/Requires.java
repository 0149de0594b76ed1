package org.openprofiles.adapter.rest.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openprofiles.domain.security.Action;

/**
 * What a route needs before anything of the request is read: the {@link AuthorizationFeature}
 * asks the {@code AccessPolicy} whether the caller may do {@link #value()} on {@link #on()}, so a
 * caller without the right gets 403 whatever its body or parameters say, and no body is parsed
 * for it. On a resource class it covers every method that does not say otherwise. The use cases
 * check again (and decide object-level rules, which need the stored object).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {

    /** The action attempted. */
    Action value();

    /** The kind of resource it is attempted on, as the use cases name it (e.g. {@code user}). */
    String on();
}
