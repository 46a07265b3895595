package dev.daprliberty.comms.greeter;

import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Asks greeter within a time budget and answers on its own when greeter cannot. There is deliberately no
 * {@code @Retry}: retries belong to Dapr Resiliency in the sidecar, and retrying here too would multiply them.
 * <p>
 * The budget is {@code greeter.timeout-millis} (see META-INF/microprofile-config.properties); the circuit
 * opens when half of the last 20 calls failed and lets one trial call through after 5 s.
 */
@ApplicationScoped
public class ResilientGreeting {

    private static final Logger LOG = Logger.getLogger(ResilientGreeting.class.getName());

    private final Greeter greeter;

    @Inject
    public ResilientGreeting(Greeter greeter) {
        this.greeter = greeter;
    }

    /** For the CDI proxy only. */
    protected ResilientGreeting() {
        this.greeter = null;
    }

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000)
    @Fallback(GreeterFallback.class)
    public GreetResponse greet(String name) {
        GreetResponse answer = greeter.greet(name).toResponse();
        // The name stays out of the log (personal data); the line carries the request's trace ids.
        LOG.info("Passed on greeter's greeting");
        return answer;
    }
}
