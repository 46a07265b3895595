package dev.daprliberty.comms;

import dev.daprliberty.comms.greeter.ResilientGreeter;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /greet}: reads and validates the request exactly as greeter does (liberty-support's reader,
 * greeting-api's rules), so bad input is answered here with its problem and never travels to greeter. One instance
 * serves every request (it holds no state), rather than one created per request.
 */
@Path("/greet")
@ApplicationScoped
public class GreetResource {

    @Inject
    ResilientGreeter greeter;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public GreetResponse greet(@Valid GreetRequest request) {
        return greeter.greet(request);
    }
}
