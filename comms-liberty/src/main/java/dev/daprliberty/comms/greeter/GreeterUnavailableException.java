package dev.daprliberty.comms.greeter;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;

/** Greeter could not be asked or did not answer with a greeting; the message says why, in one line. */
public class GreeterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GreeterUnavailableException(String reason) {
        super(reason);
    }

    public GreeterUnavailableException(String reason, Throwable cause) {
        super(reason + ": " + FailureDescription.ofTransportFailure(cause), cause);
    }

    /**
     * An error instead of a greeting: from greeter, or from a sidecar on its own account (its circuit breaker, the
     * access control policy, a wrong API token), which the status alone does not tell apart.
     */
    public static GreeterUnavailableException errorAnswer(int httpStatus, String sidecar) {
        return new GreeterUnavailableException("HTTP " + httpStatus + " instead of a greeting, from greeter or a Dapr sidecar "
                + "on the way (comms' is at " + sidecar + ")");
    }

    /** Nothing answered at the sidecar's address, or not in time ({@link GreeterTooSlowException}). */
    public static GreeterUnavailableException noAnswer(String sidecar, Throwable cause) {
        String reason = "no answer from the Dapr sidecar at " + sidecar;
        return timedOut(cause) ? new GreeterTooSlowException(reason, cause) : new GreeterUnavailableException(reason, cause);
    }

    /** Whether a client gave up waiting: a read or connect timeout of the REST Client's or the JDK's HTTP client. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
