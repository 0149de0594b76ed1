package org.openprofiles.adapter.rest.apidocs;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.jackson.TypeNameResolver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Names the schemas of our wire models after their dialect, so that the vendors' models that share
 * a name stay apart: {@code cm.ProfileModel} (Certificate Management, PascalCase) and
 * {@code arm.ProfileModel} (Access Rights Manager, camelCase with {@code Type}); nested records keep
 * their outer class ({@code admin.DirectoryAdminResource.ImportResultModel}). The shared models
 * ({@code Problem}) and everything outside this service keep swagger's plain names.
 */
final class SchemaNames extends TypeNameResolver {

    private static final String OURS = "org.openprofiles.adapter.rest.";

    @Override
    protected String nameForClass(Class<?> type, Set<Options> options) {
        if (!type.getName().startsWith(OURS)
                || type.isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)
                        && !type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class)
                                .name()
                                .isEmpty()) {
            return super.nameForClass(type, options);
        }
        Deque<String> parts = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            parts.addFirst(c.getSimpleName());
        }
        String pkg = type.getPackageName();
        String dialect = pkg.substring(pkg.lastIndexOf('.') + 1);
        if (!dialect.equals("shared")) {
            parts.addFirst(dialect);
        }
        return String.join(".", parts);
    }

    @Override
    protected String nameForClass(JavaType type, Set<Options> options) {
        return nameForClass(type.getRawClass(), options);
    }
}
