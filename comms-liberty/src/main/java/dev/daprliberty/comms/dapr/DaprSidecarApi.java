package dev.daprliberty.comms.dapr;

import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of comms' Dapr sidecar's HTTP API that comms uses, as a MicroProfile REST Client. Its URL and
 * timeouts are MicroProfile Config ({@code dapr-sidecar/mp-rest/*} in microprofile-config.properties).
 */
@RegisterRestClient(configKey = "dapr-sidecar")
@Path("/v1.0")
public interface DaprSidecarApi extends AutoCloseable {

    /** The header the sidecar reads its API token from. */
    String API_TOKEN_HEADER = "dapr-api-token";

    /**
     * Service invocation: the sidecar forwards the call to the app's {@code POST /greet}.
     *
     * @param apiToken null sends no {@code dapr-api-token} header
     */
    @POST
    @Path("/invoke/{appId}/method/greet")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    GreetResponse invokeGreet(@PathParam("appId") String appId, @HeaderParam(API_TOKEN_HEADER) String apiToken,
            GreetRequest request);

    /** Whether the sidecar can make outbound calls (204 when ready). */
    @GET
    @Path("/healthz/outbound")
    Response outboundHealth();
}
