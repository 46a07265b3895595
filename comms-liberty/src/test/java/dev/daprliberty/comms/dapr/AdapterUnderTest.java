package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.Greeter;
import io.dapr.config.Properties;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Both adapters of the Greeter port aimed at a sidecar stand-in, configured as in Liberty: the REST Client as
 * MicroProfile Config would build it (URL and timeouts), the Dapr SDK's client from the SDK's settings.
 */
public enum AdapterUnderTest {
    REST_CLIENT {
        @Override
        public Greeter create(URI sidecar, String appId, String apiToken, Duration timeout) {
            DaprSidecarApi api = sidecarApi(sidecar, timeout);
            return new RestClientGreeter(api, appId, Optional.ofNullable(apiToken), sidecar.toString());
        }
    },
    DAPR_SDK {
        @Override
        public Greeter create(URI sidecar, String appId, String apiToken, Duration timeout) {
            Map<String, String> settings = new HashMap<>(Map.of(Properties.HTTP_ENDPOINT.getName(), sidecar.toString(),
                    Properties.HTTP_CLIENT_READ_TIMEOUT_SECONDS.getName(), Long.toString(Math.max(1, timeout.toSeconds()))));
            if (apiToken != null) {
                settings.put(Properties.API_TOKEN.getName(), apiToken);
            }
            return new DaprSdkGreeter(DaprInvokeHttpClient.forApp(new Properties(settings), appId), new SidecarCallTracing(W3C_ONLY));
        }
    };

    /** OpenTelemetry as MicroProfile Telemetry configures its propagation (W3C trace context), without exporting. */
    public static final OpenTelemetry W3C_ONLY =
            OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));

    private static final List<DaprSidecarApi> OPEN = new CopyOnWriteArrayList<>();

    /**
     * The adapter for {@code appId}, sending {@code apiToken} (null: none), giving up after {@code timeout}
     * (the SDK counts whole seconds, at least one).
     */
    public abstract Greeter create(URI sidecar, String appId, String apiToken, Duration timeout);

    /** The adapter with the default app id, no API token and a generous timeout. */
    public Greeter create(URI sidecar) {
        return create(sidecar, "greeter", null, Duration.ofSeconds(5));
    }

    /** The REST Client of the sidecar's API, as Liberty builds it from {@code dapr-sidecar/mp-rest/*}. */
    public static DaprSidecarApi sidecarApi(URI sidecar, Duration timeout) {
        DaprSidecarApi api = RestClientBuilder.newBuilder().baseUri(sidecar)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(DaprSidecarApi.class);
        OPEN.add(api);
        return api;
    }

    /** Closes the REST Clients created so far (CDI does it in Liberty). */
    public static void closeAll() throws Exception {
        for (DaprSidecarApi api : OPEN) {
            api.close();
        }
        OPEN.clear();
    }
}
