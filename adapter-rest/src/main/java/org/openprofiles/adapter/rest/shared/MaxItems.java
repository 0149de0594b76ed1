package org.openprofiles.adapter.rest.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code List} body parameter: the body is a JSON array read one item at a time, and
 * reading stops with a 400 ({@link #code()}, naming {@link #field()}) at the first item beyond
 * {@link #value()}, instead of after the whole array is in memory ({@link BoundedListReader}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MaxItems {

    /** The most items the route takes. */
    int value();

    /** The name the refusal gives the list. */
    String field();

    /** The refusal's code. */
    String code() default "too_many_items";
}
