package dev.daprliberty.greeter;

import dev.daprliberty.greeting.Greeting;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * {@code POST /greet {"name":"Ada"}} answers {@code {"message":"Hello, Ada!","service":"greeter","timestamp":...}}. One
 * instance serves every request (it holds no state), rather than one created per request.
 */
@Path("/greet")
@ApplicationScoped
public class GreetResource {

    private static final Logger LOG = Logger.getLogger(GreetResource.class.getName());

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public GreetResponse greet(@Valid GreetRequest request) {
        Greeting greeting = Greeting.hello(request.name());
        // The name stays out of the log (personal data); the line carries the request's trace ids.
        LOG.info("Formed a greeting");
        return GreetResponse.greeted(greeting, GreeterApplication.SERVICE, Instant.now());
    }
}
