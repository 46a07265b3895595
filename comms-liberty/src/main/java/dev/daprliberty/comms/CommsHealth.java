package dev.daprliberty.comms;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;

/**
 * The named check behind /health/live and /health/started: once the application answers it is started and
 * alive. Readiness also needs the Dapr sidecar (see DaprSidecarReadiness).
 */
@ApplicationScoped
@Liveness
@Startup
public class CommsHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(CommsApplication.SERVICE);
    }
}
