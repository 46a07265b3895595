package dev.daprliberty.comms;

import dev.daprliberty.comms.greeter.ResilientGreeting;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /greet}: validates exactly as greeter does, so bad input is answered here (400 problem+json)
 * and never travels to greeter.
 */
@Path("/greet")
@RequestScoped
public class GreetResource {

    @Inject
    ResilientGreeting greeting;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public GreetResponse greet(@NotNull(message = GreetRequest.BODY_REQUIRED) @Valid GreetRequest request) {
        return greeting.greet(request.name());
    }
}
