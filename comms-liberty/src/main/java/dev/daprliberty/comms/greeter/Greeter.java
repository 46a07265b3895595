package dev.daprliberty.comms.greeter;

/**
 * The port to the greeter service. Adapters decide how the call travels (through the Dapr sidecar, by
 * MicroProfile REST Client or by the Dapr Java SDK); comms only sees domain types.
 */
public interface Greeter {

    /**
     * Asks greeter to greet someone.
     *
     * @param name who to greet, already validated
     * @return greeter's reply
     * @throws GreeterUnavailableException when greeter cannot be reached or does not answer with a greeting
     */
    GreeterReply greet(String name);
}
