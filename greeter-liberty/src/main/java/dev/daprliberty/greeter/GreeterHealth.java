package dev.daprliberty.greeter;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The named check behind /health/live, /health/ready and /health/started. greeter depends on nothing, so
 * once the application answers it is started, alive and ready; until then Liberty reports DOWN.
 */
@ApplicationScoped
@Liveness
@Readiness
@Startup
public class GreeterHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(GreeterApplication.SERVICE);
    }
}
