package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.Path;
import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Assembles the Jersey application from instances that {@code bootstrap} built by hand: no
 * classpath scanning, so every resource and filter that runs is named in the wiring.
 */
public final class RestApplication {

    private RestApplication() {}

    @SuppressWarnings("unchecked")
    private static <T> void bindInstance(AbstractBinder binder, T instance) {
        binder.bind(instance).to((Class<T>) instance.getClass());
    }

    /** Resources, filters and extra providers, plus the service-wide JSON and error handling. */
    public static ResourceConfig of(List<Object> components) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("openprofiles");
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(components.stream()
                .filter(JsonMappers.class::isInstance)
                .findFirst()
                .orElseGet(JsonMappers::new));
        config.register(new RequestIds());
        config.register(new TextRulesFilter());
        config.register(BoundedListReader.class);
        config.register(new SecurityHeadersFilter());
        config.register(new VendorErrorsAsJson());
        config.register(new VendorPathNormalizer());
        config.register(new DomainFailureMapper());
        config.register(new WebApplicationExceptionMapper());
        config.register(new JsonInputMapper());
        config.register(new ServiceUnavailableMapper());
        config.register(new ThrottledMapper());
        config.register(new UnexpectedFailureMapper());
        // Resources are registered as classes bound to the wired instance: registering a
        // resource instance directly works but makes Jersey log a false "provider ignored" warning.
        AbstractBinder instances = new AbstractBinder() {
            @Override
            protected void configure() {
                for (Object component : components) {
                    if (component.getClass().isAnnotationPresent(Path.class)) {
                        bindInstance(this, component);
                    }
                }
            }
        };
        for (Object component : components) {
            if (component instanceof JsonMappers) {
                continue;
            }
            if (component.getClass().isAnnotationPresent(Path.class)) {
                config.register(component.getClass());
            } else {
                config.register(component);
            }
        }
        config.register(instances);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        return config;
    }
}
