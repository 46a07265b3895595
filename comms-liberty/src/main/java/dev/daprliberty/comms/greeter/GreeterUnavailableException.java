package dev.daprliberty.comms.greeter;

/** Greeter could not be asked or did not answer with a greeting; the message says why, in one line. */
public class GreeterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GreeterUnavailableException(String reason) {
        super(reason);
    }

    public GreeterUnavailableException(String reason, Throwable cause) {
        super(reason + ": " + FailureDescription.ofTransportFailure(cause), cause);
    }

    /** Greeter (or the sidecar on its behalf) answered an error instead of a greeting. */
    public static GreeterUnavailableException errorAnswer(int httpStatus, String sidecar) {
        return new GreeterUnavailableException("greeter answered HTTP " + httpStatus + " through the Dapr sidecar at " + sidecar);
    }

    /** Nothing answered at the sidecar's address, or not in time. */
    public static GreeterUnavailableException noAnswer(String sidecar, Throwable cause) {
        return new GreeterUnavailableException("no answer from the Dapr sidecar at " + sidecar, cause);
    }
}
