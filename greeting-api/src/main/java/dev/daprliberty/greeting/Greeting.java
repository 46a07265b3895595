package dev.daprliberty.greeting;

import java.util.Objects;

/**
 * The domain: the greeting a person gets. Plain Java, no HTTP and no Dapr, so both services form the
 * same sentence.
 *
 * @param message the sentence, e.g. {@code Hello, Ada!}
 */
public record Greeting(String message) {

    public Greeting {
        Objects.requireNonNull(message, "message");
    }

    /** The greeting for a name; surrounding white space is not part of the name, anything else is kept as given. */
    public static Greeting hello(String name) {
        return new Greeting("Hello, " + nameOf(name) + "!");
    }

    /** The greeting comms gives on its own when greeter cannot answer. */
    public static Greeting fallback(String name) {
        return new Greeting("Hello, " + nameOf(name) + " (from fallback)!");
    }

    private static String nameOf(String name) {
        return Objects.requireNonNull(name, "name").strip();
    }
}
