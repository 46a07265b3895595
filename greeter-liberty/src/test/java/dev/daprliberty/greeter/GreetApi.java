package dev.daprliberty.greeter;

import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** greeter's HTTP contract as a client sees it; MicroShed Testing builds a typed client from it. */
@Path("/greet")
public interface GreetApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    GreetResponse greet(GreetRequest request);
}
