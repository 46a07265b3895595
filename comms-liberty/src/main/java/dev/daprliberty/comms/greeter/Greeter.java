package dev.daprliberty.comms.greeter;

import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;

/**
 * The port to the greeter service. Its adapters decide how the call travels to greeter through the Dapr
 * sidecar (MicroProfile REST Client or the Dapr Java SDK); each is a CDI bean named as {@code greeter.adapter}
 * names it.
 */
public interface Greeter {

    /**
     * Asks greeter to greet someone.
     *
     * @param request who to greet, already validated
     * @return greeter's answer, as greeter sent it
     * @throws GreeterUnavailableException when greeter cannot be reached or does not answer with a greeting
     */
    GreetResponse greet(GreetRequest request);
}
