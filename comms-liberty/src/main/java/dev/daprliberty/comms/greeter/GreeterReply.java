package dev.daprliberty.comms.greeter;

import dev.daprliberty.greeting.Greeting;
import dev.daprliberty.greeting.wire.GreetResponse;
import java.time.Instant;
import java.util.Objects;

/**
 * What greeter answered: its greeting, who formed it and when.
 *
 * @param greeting  the greeting
 * @param service   the service that formed it (greeter names itself)
 * @param greetedAt when it was formed
 */
public record GreeterReply(Greeting greeting, String service, Instant greetedAt) {

    public GreeterReply {
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(greetedAt, "greetedAt");
    }

    /**
     * Reads greeter's answer body.
     *
     * @throws GreeterUnavailableException when the body is not a greeting
     */
    public static GreeterReply from(GreetResponse answer) {
        if (answer == null || answer.message() == null || answer.service() == null || answer.timestamp() == null) {
            throw new GreeterUnavailableException("greeter answered without message, service or timestamp: " + answer);
        }
        return new GreeterReply(new Greeting(answer.message()), answer.service(), answer.timestamp());
    }

    /** The answer body comms passes on: the same fields greeter sent. */
    public GreetResponse toResponse() {
        return GreetResponse.greeted(greeting, service, greetedAt);
    }
}
