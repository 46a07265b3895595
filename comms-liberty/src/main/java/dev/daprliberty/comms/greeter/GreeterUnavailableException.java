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
}
