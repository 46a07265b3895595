package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.Greeter;
import dev.daprliberty.comms.greeter.GreeterUnavailableException;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import io.dapr.config.Properties;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The second adapter ({@code greeter.adapter=dapr-sdk}): the same invoke call with the Dapr Java SDK's invoke
 * HTTP client, which finds the sidecar and its API token from Dapr's own variables. Its JDK HTTP client is not
 * instrumented, so {@link SidecarCallTracing} adds the client span and the traceparent.
 */
@Named(DaprSdkGreeter.NAME)
@ApplicationScoped
public class DaprSdkGreeter implements Greeter {

    public static final String NAME = "dapr-sdk";

    private static final Jsonb JSON = JsonbBuilder.create();

    private final DaprInvokeHttpClient greeter;
    private final SidecarCallTracing tracing;

    @Inject
    public DaprSdkGreeter(@ConfigProperty(name = "greeter.app-id") String greeterAppId, OpenTelemetry openTelemetry) {
        this(DaprInvokeHttpClient.forApp(new Properties(), greeterAppId), new SidecarCallTracing(openTelemetry));
    }

    public DaprSdkGreeter(DaprInvokeHttpClient greeter, SidecarCallTracing tracing) {
        this.greeter = greeter;
        this.tracing = tracing;
    }

    /** For the CDI proxy only. */
    protected DaprSdkGreeter() {
        this((DaprInvokeHttpClient) null, null);
    }

    @Override
    public GreetResponse greet(GreetRequest request) {
        HttpResponse<String> answer = tracing.traced("POST " + greeter.baseUri().getPath() + "greet", traceHeaders -> {
            HttpRequest.Builder call = greeter.newRequestBuilder("greet")
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                    .POST(BodyPublishers.ofString(JSON.toJson(request)));
            traceHeaders.forEach(call::header);
            return send(call.build());
        });
        if (answer.statusCode() / 100 != 2) {
            throw GreeterUnavailableException.errorAnswer(answer.statusCode(), sidecar());
        }
        try {
            return JSON.fromJson(answer.body(), GreetResponse.class);
        } catch (JsonbException e) {
            throw new GreeterUnavailableException("greeter's answer is not JSON", e);
        }
    }

    private HttpResponse<String> send(HttpRequest call) {
        try {
            return greeter.send(call, BodyHandlers.ofString());
        } catch (IOException e) {
            throw GreeterUnavailableException.noAnswer(sidecar(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GreeterUnavailableException.noAnswer(sidecar(), e);
        }
    }

    private String sidecar() {
        return greeter.baseUri().resolve("/").toString().replaceAll("/$", "");
    }
}
