package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.Greeter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Both adapters of the Greeter port, built the way GreeterAdapters builds them, aimed at a sidecar stand-in. */
public enum AdapterUnderTest {
    REST_CLIENT {
        @Override
        public Greeter create(DaprSidecar sidecar, String appId, Duration timeout) {
            return new RestClientGreeter(sidecar, appId, timeout);
        }
    },
    DAPR_SDK {
        @Override
        public Greeter create(DaprSidecar sidecar, String appId, Duration timeout) {
            return new DaprSdkGreeter(sidecar, appId, timeout, new SidecarCallTracing(W3C_ONLY));
        }
    };

    /** OpenTelemetry as MicroProfile Telemetry configures its propagation (W3C trace context), without exporting. */
    public static final OpenTelemetry W3C_ONLY =
            OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));

    public abstract Greeter create(DaprSidecar sidecar, String appId, Duration timeout);

    /** The adapter with the default app id, no API token and a generous timeout. */
    public Greeter create(URI sidecar) {
        return create(new DaprSidecar(sidecar, Optional.empty()), "greeter", Duration.ofSeconds(5));
    }

    public static void close(Greeter greeter) {
        try {
            ((AutoCloseable) greeter).close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + greeter, e);
        }
    }
}
