package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.Greeter;
import dev.daprliberty.comms.greeter.GreeterReply;
import dev.daprliberty.comms.greeter.GreeterUnavailableException;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.client.domain.HttpExtension;
import io.dapr.config.Properties;
import io.dapr.exceptions.DaprException;
import io.dapr.utils.TypeRef;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The second adapter: the same invoke call through the Dapr Java SDK ({@code DaprClient.invokeMethod}, which
 * uses the sidecar's HTTP API). The SDK copies {@code traceparent}/{@code tracestate} from the Reactor
 * context into the request headers; {@link SidecarCallTracing} puts them there.
 */
public final class DaprSdkGreeter implements Greeter, AutoCloseable {

    private static final String METHOD = "greet";

    private final DaprClient client;
    private final DaprSidecar sidecar;
    private final String greeterAppId;
    private final SidecarCallTracing tracing;
    private final Jsonb jsonb = JsonbBuilder.create();

    public DaprSdkGreeter(DaprSidecar sidecar, String greeterAppId, Duration timeout, SidecarCallTracing tracing) {
        this.client = clientFor(sidecar, timeout);
        this.sidecar = sidecar;
        this.greeterAppId = greeterAppId;
        this.tracing = tracing;
    }

    private static DaprClient clientFor(DaprSidecar sidecar, Duration timeout) {
        // The SDK's read timeout has whole seconds; the Fault Tolerance @Timeout enforces the exact budget.
        long readTimeoutSeconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        DaprClientBuilder builder = new DaprClientBuilder()
                .withPropertyOverride(Properties.HTTP_ENDPOINT, sidecar.endpoint().toString())
                .withPropertyOverride(Properties.HTTP_CLIENT_READ_TIMEOUT_SECONDS, Long.toString(readTimeoutSeconds));
        sidecar.apiToken().ifPresent(token -> builder.withPropertyOverride(Properties.API_TOKEN, token));
        return builder.build();
    }

    @Override
    public GreeterReply greet(String name) {
        byte[] body = jsonb.toJson(new GreetRequest(name)).getBytes(StandardCharsets.UTF_8);
        byte[] answer = tracing.traced("POST /v1.0/invoke/" + greeterAppId + "/method/" + METHOD, headers -> {
            try {
                return client.invokeMethod(greeterAppId, METHOD, body, HttpExtension.POST, null, TypeRef.BYTE_ARRAY)
                        .contextWrite(context -> context.putAllMap(headers))
                        .block();
            } catch (DaprException e) {
                throw sidecar.errorAnswer(e.getHttpStatusCode(), Optional.ofNullable(e.getErrorCode()));
            } catch (RuntimeException e) {
                throw sidecar.noAnswer(e);
            }
        });
        return GreeterReply.from(parse(answer));
    }

    private GreetResponse parse(byte[] answer) {
        try {
            return jsonb.fromJson(new String(answer, StandardCharsets.UTF_8), GreetResponse.class);
        } catch (JsonbException e) {
            throw new GreeterUnavailableException("greeter's answer is not a greeting", e);
        }
    }

    @Override
    public void close() throws Exception {
        try (jsonb) {
            client.close();
        }
    }
}
