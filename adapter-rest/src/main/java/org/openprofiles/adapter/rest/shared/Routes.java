package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.PathTemplate;

/**
 * The application's routes as the {@link RequestIntake} needs them before Jersey runs: for a
 * method and a path, the resource methods that may serve it, with what they {@link Requires} and
 * whether they take a {@link Bulk} body (the fuzz tests walk them too). Built from the same annotations Jersey routes by, so a
 * new resource is covered without being listed anywhere.
 */
public final class Routes {

    /** One resource method: its HTTP method, path template and what the intake reads off it. */
    public record Route(
            String httpMethod,
            String path,
            Optional<Requires> requires,
            boolean bulk,
            boolean takesBody,
            PathTemplate template) {

        boolean matches(String method, String normalizedPath) {
            return httpMethod.equalsIgnoreCase(method) && template.match(normalizedPath, new ArrayList<String>());
        }
    }

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes of every resource class registered in {@code application}. */
    public static Routes of(ResourceConfig application) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : application.getClasses()) {
            if (type.isAnnotationPresent(Path.class)) {
                Resource resource = Resource.from(type);
                collect(resource, join("", resource.getPath()), routes);
            }
        }
        return new Routes(routes);
    }

    private static void collect(Resource resource, String path, List<Route> routes) {
        for (ResourceMethod method : resource.getResourceMethods()) {
            Method definition = method.getInvocable().getDefinitionMethod();
            Class<?> owner = definition.getDeclaringClass();
            Optional<Requires> requires = Optional.ofNullable(definition.getAnnotation(Requires.class))
                    .or(() -> Optional.ofNullable(owner.getAnnotation(Requires.class)));
            boolean bulk = definition.isAnnotationPresent(Bulk.class) || owner.isAnnotationPresent(Bulk.class);
            // A body parameter carrying an annotation Jersey does not know (@MaxItems) counts as UNKNOWN.
            boolean takesBody = method.getInvocable().getParameters().stream()
                    .anyMatch(
                            p -> p.getSource() == Parameter.Source.ENTITY || p.getSource() == Parameter.Source.UNKNOWN);
            routes.add(new Route(method.getHttpMethod(), path, requires, bulk, takesBody, new PathTemplate(path)));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, join(path, child.getPath()), routes);
        }
    }

    private static String join(String parent, String child) {
        String base = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
        String tail = child == null ? "" : child.startsWith("/") ? child : "/" + child;
        String joined = base + tail;
        return joined.isEmpty() ? "/" : joined;
    }

    /** Every route (the fuzz tests walk them). */
    public List<Route> all() {
        return routes;
    }

    /** The routes that may serve {@code method} on {@code path} (relative to the application, undecoded). */
    List<Route> find(String method, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String normalized = "/" + VendorPathNormalizer.normalized(relative);
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        List<Route> found = new ArrayList<>();
        for (Route route : routes) {
            if (route.matches(method, normalized)) {
                found.add(route);
            }
        }
        return found;
    }
}
