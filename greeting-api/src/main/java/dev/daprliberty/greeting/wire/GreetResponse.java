package dev.daprliberty.greeting.wire;

import dev.daprliberty.greeting.Greeting;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * Body of a {@code POST /greet} answer. Greeter fills message, service and timestamp; comms' fallback fills
 * message, service and error. JSON-B leaves out the null fields.
 *
 * @param message   the greeting sentence
 * @param service   the service that formed it ({@code greeter} or {@code comms})
 * @param timestamp when greeter formed it, ISO-8601 (e.g. {@code 2026-03-01T10:15:30.123Z})
 * @param error     why comms answered on its own, e.g. {@code greeter_service_unavailable}
 */
@JsonbPropertyOrder({"message", "service", "timestamp", "error"})
public record GreetResponse(String message, String service, Instant timestamp, String error) {

    /** A greeting formed by {@code service} at {@code at}. */
    public static GreetResponse greeted(Greeting greeting, String service, Instant at) {
        return new GreetResponse(greeting.message(), service, at, null);
    }

    /** A greeting {@code service} formed on its own because of {@code error}. */
    public static GreetResponse fallback(Greeting greeting, String service, String error) {
        return new GreetResponse(greeting.message(), service, null, error);
    }
}
