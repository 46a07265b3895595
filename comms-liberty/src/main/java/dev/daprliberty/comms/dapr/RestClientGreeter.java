package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.Greeter;
import dev.daprliberty.comms.greeter.GreeterReply;
import dev.daprliberty.greeting.wire.GreetRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Optional;

/**
 * The default adapter: greeter's {@code POST /greet} through the sidecar's invoke API with MicroProfile REST
 * Client. MicroProfile Telemetry instruments the client, so the call carries the request's traceparent.
 */
public final class RestClientGreeter implements Greeter, AutoCloseable {

    private final DaprHttpApi sidecar;
    private final DaprSidecar location;
    private final String greeterAppId;

    public RestClientGreeter(DaprSidecar sidecar, String greeterAppId, Duration timeout) {
        this.sidecar = DaprHttpClients.create(sidecar, timeout);
        this.location = sidecar;
        this.greeterAppId = greeterAppId;
    }

    @Override
    public GreeterReply greet(String name) {
        try {
            return GreeterReply.from(sidecar.invokeGreet(greeterAppId, location.apiToken().orElse(null), new GreetRequest(name)));
        } catch (WebApplicationException e) {
            throw location.errorAnswer(e.getResponse().getStatus(), Optional.empty());
        } catch (ProcessingException e) {
            throw location.noAnswer(e);
        }
    }

    @Override
    public void close() {
        DaprHttpClients.close(sidecar);
    }
}
