package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.Greeter;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the {@link Greeter} port to the adapter {@code greeter.adapter} names (defaults in microprofile-config.properties). */
@ApplicationScoped
public class GreeterAdapters {

    @Produces
    @Dependent
    DaprSidecar sidecar(@ConfigProperty(name = "dapr.http.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "dapr.http.port") int port,
            @ConfigProperty(name = "dapr.api.token") Optional<String> apiToken) {
        return DaprSidecar.of(endpoint, port, apiToken);
    }

    @Produces
    @ApplicationScoped
    Greeter greeter(DaprSidecar sidecar, OpenTelemetry openTelemetry,
            @ConfigProperty(name = "greeter.adapter") String adapter,
            @ConfigProperty(name = "greeter.app-id") String greeterAppId,
            @ConfigProperty(name = "greeter.timeout-millis") long timeoutMillis) {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        return switch (GreeterAdapter.named(adapter)) {
            case REST_CLIENT -> new RestClientGreeter(sidecar, greeterAppId, timeout);
            case DAPR_SDK -> new DaprSdkGreeter(sidecar, greeterAppId, timeout, new SidecarCallTracing(openTelemetry));
        };
    }

    void close(@Disposes Greeter greeter) throws Exception {
        ((AutoCloseable) greeter).close();
    }

    /** Builds the adapter while the application starts, so a misspelt GREETER_ADAPTER stops the start-up. */
    void checkAtStartup(@Observes Startup startup, Greeter greeter) {
        greeter.toString();
    }
}
