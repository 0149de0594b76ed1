package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.Path;
import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ApplicationHandler;
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

    /**
     * Builds and drops a Jersey application on a background thread, so that Jersey's, HK2's and
     * Jackson's classes are loaded and initialised while the caller waits for something else (the
     * embedded database starting): the real application, built afterwards, then starts much
     * faster. Only a warm-up: whatever goes wrong here is ignored.
     */
    public static void warmUpInBackground() {
        Thread warmUp = new Thread(
                () -> {
                    try {
                        new ApplicationHandler(of(List.of()));
                    } catch (RuntimeException | LinkageError e) {
                        // The real application reports its own failures.
                    }
                },
                "jersey-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
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
        config.register(new WriteWithoutAnnotations());
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
        // Everything is registered by hand: looking for more (META-INF/services of every jar,
        // auto-discoverable features) only costs start-up time.
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        return config;
    }
}
