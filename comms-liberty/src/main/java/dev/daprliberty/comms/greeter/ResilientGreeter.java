package dev.daprliberty.comms.greeter;

import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Asks greeter, through the adapter {@code greeter.adapter} names, within comms' time budget, and answers on
 * its own when greeter cannot. The timeout and circuit breaker values are MicroProfile Config
 * (microprofile-config.properties); the README's "Fault tolerance" explains them with Dapr's half of the design.
 * There is deliberately no {@code @Retry}: retries belong to Dapr Resiliency in the sidecar, and retrying here too
 * would multiply them. The circuit counts only calls that ran out of time: an answered failure (Dapr's own breaker,
 * a denial, greeter down) comes at once, and Dapr's breaker already handles those.
 */
@ApplicationScoped
public class ResilientGreeter {

    static final String ADAPTERS = "rest-client, dapr-sdk";

    private static final Logger LOG = Logger.getLogger(ResilientGreeter.class.getName());

    private final Greeter greeter;

    @Inject
    public ResilientGreeter(@ConfigProperty(name = "greeter.adapter") String adapter, @Any Instance<Greeter> adapters) {
        this.greeter = adapterNamed(adapter, adapters);
    }

    /** For the CDI proxy only. */
    protected ResilientGreeter() {
        this.greeter = null;
    }

    /** The adapter bean with this name; a misspelt GREETER_ADAPTER is an error that names the choices. */
    static Greeter adapterNamed(String name, Instance<Greeter> adapters) {
        Instance<Greeter> named = adapters.select(NamedLiteral.of(name.strip()));
        if (!named.isResolvable()) {
            throw new IllegalArgumentException("greeter.adapter (GREETER_ADAPTER) must be one of " + ADAPTERS + ", not '" + name + "'");
        }
        return named.get();
    }

    /** Checks the configuration while the application starts, so a mistake stops the start with its reason. */
    void checkAtStartup(@Observes Startup startup, @ConfigProperty(name = "dapr-sidecar/mp-rest/url") String sidecarUrl) {
        checkSidecarUrl(sidecarUrl);
        greeter.toString();
    }

    static void checkSidecarUrl(String sidecarUrl) {
        URI uri = URI.create(sidecarUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("dapr.http.endpoint (DAPR_HTTP_ENDPOINT) must be an absolute URL such as "
                    + "http://localhost:3500, not '" + sidecarUrl + "'");
        }
    }

    @Timeout
    @CircuitBreaker(failOn = {TimeoutException.class, GreeterTooSlowException.class})
    @Fallback(GreeterFallback.class)
    public GreetResponse greet(GreetRequest request) {
        GreetResponse answer = greeter.greet(request);
        if (answer == null || answer.message() == null || answer.service() == null || answer.timestamp() == null) {
            throw new GreeterUnavailableException("greeter answered without message, service or timestamp: " + answer);
        }
        // The name stays out of the log (personal data); the line carries the request's trace ids.
        LOG.info("Passed on greeter's greeting");
        return answer;
    }
}
