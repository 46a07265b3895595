package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.Greeter;
import dev.daprliberty.comms.greeter.GreeterUnavailableException;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The default adapter ({@code greeter.adapter=rest-client}): greeter's {@code POST /greet} through the sidecar's
 * invoke API with the MicroProfile REST Client. MicroProfile Telemetry instruments the client, so the call
 * carries the request's traceparent.
 */
@Named(RestClientGreeter.NAME)
@ApplicationScoped
public class RestClientGreeter implements Greeter {

    public static final String NAME = "rest-client";

    private final DaprSidecarApi sidecar;
    private final String greeterAppId;
    private final String apiToken;
    private final String sidecarUrl;

    @Inject
    public RestClientGreeter(@RestClient DaprSidecarApi sidecar, @ConfigProperty(name = "greeter.app-id") String greeterAppId,
            @ConfigProperty(name = "dapr.api.token") Optional<String> apiToken,
            @ConfigProperty(name = "dapr-sidecar/mp-rest/url") String sidecarUrl) {
        this.sidecar = sidecar;
        this.greeterAppId = greeterAppId;
        this.apiToken = apiToken.orElse(null);
        this.sidecarUrl = sidecarUrl;
    }

    /** For the CDI proxy only. */
    protected RestClientGreeter() {
        this(null, null, Optional.empty(), null);
    }

    @Override
    public GreetResponse greet(GreetRequest request) {
        try {
            return sidecar.invokeGreet(greeterAppId, apiToken, request);
        } catch (WebApplicationException e) {
            throw GreeterUnavailableException.errorAnswer(e.getResponse().getStatus(), sidecarUrl);
        } catch (ProcessingException e) {
            throw GreeterUnavailableException.noAnswer(sidecarUrl, e);
        }
    }
}
