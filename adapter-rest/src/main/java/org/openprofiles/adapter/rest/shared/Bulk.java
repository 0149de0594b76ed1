package org.openprofiles.adapter.rest.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route whose body may be as large as the bulk limit rather than the ordinary one
 * ({@link RequestIntake.Limits}): imports of many items, and documents the domain lets grow large
 * (a profile with 10,000 groups). On a resource class it covers every method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Bulk {}
