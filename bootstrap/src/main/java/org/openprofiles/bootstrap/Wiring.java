package org.openprofiles.bootstrap;

import java.util.ArrayList;
import java.util.List;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.JdbcDatabaseProbe;
import org.openprofiles.adapter.rest.health.HealthResource;
import org.openprofiles.application.health.CheckReadiness;

/**
 * Hand wiring: builds every adapter, use case and resource with plain constructors. Reading this
 * class tells who depends on whom; nothing is found by scanning.
 */
final class Wiring {

    private Wiring() {
    }

    /** The Jersey components (resources, filters) of the running service. */
    static List<Object> restComponents(Config config, Database database) {
        List<Object> components = new ArrayList<>();
        components.add(new HealthResource(new CheckReadiness(new JdbcDatabaseProbe(database))));
        return components;
    }
}
