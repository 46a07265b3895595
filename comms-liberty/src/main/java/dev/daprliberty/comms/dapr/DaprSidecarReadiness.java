package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.FailureDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Readiness check {@value #NAME}: asks the sidecar's {@code /v1.0/healthz/outbound}. Any HTTP answer means
 * the sidecar is there (UP, with the status it gave); DOWN only while nothing answers, since comms cannot
 * reach greeter at all then. Greeter being down is not comms' readiness problem: the fallback answers.
 */
@Readiness
@ApplicationScoped
public class DaprSidecarReadiness implements HealthCheck {

    public static final String NAME = "dapr-sidecar";

    private final DaprSidecarApi sidecar;
    private final String sidecarUrl;

    @Inject
    public DaprSidecarReadiness(@RestClient DaprSidecarApi sidecar,
            @ConfigProperty(name = "dapr-sidecar/mp-rest/url") String sidecarUrl) {
        this.sidecar = sidecar;
        this.sidecarUrl = sidecarUrl;
    }

    /** For the CDI proxy only. */
    protected DaprSidecarReadiness() {
        this(null, null);
    }

    @Override
    public HealthCheckResponse call() {
        try (Response outbound = sidecar.outboundHealth()) {
            return reachable(outbound.getStatus());
        } catch (WebApplicationException e) {
            return reachable(e.getResponse().getStatus());
        } catch (ProcessingException e) {
            return response(Status.DOWN, "error", "the Dapr sidecar does not answer: " + FailureDescription.ofTransportFailure(e));
        }
    }

    private HealthCheckResponse reachable(int outboundStatus) {
        return response(Status.UP, "outbound", (long) outboundStatus);
    }

    // The public constructor rather than the builder: the builder needs the runtime's provider, this works anywhere.
    private HealthCheckResponse response(Status status, String key, Object value) {
        return new HealthCheckResponse(NAME, status, Optional.of(Map.of("endpoint", sidecarUrl, key, value)));
    }
}
