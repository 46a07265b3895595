package dev.daprliberty.comms.greeter;

import dev.daprliberty.comms.CommsApplication;
import dev.daprliberty.greeting.Greeting;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.enterprise.context.Dependent;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** comms' own greeting when greeter is unavailable, with one WARN line that says why. */
@Dependent
public class GreeterFallback implements FallbackHandler<GreetResponse> {

    static final String ERROR = "greeter_service_unavailable";

    private static final Logger LOG = Logger.getLogger(GreeterFallback.class.getName());

    @Override
    public GreetResponse handle(ExecutionContext context) {
        GreetRequest request = (GreetRequest) context.getParameters()[0];
        LOG.warning(() -> "greeter unavailable, answering with the fallback greeting; cause: "
                + FailureDescription.of(context.getFailure()));
        return GreetResponse.fallback(Greeting.fallback(request.name()), CommsApplication.SERVICE, ERROR);
    }
}
