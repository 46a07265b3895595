package dev.daprliberty.comms.greeter;

/**
 * No answer came within comms' budget: the one failure comms' own circuit breaker counts (an answered error, even
 * Dapr's "circuit breaker is open", came at once and cost nothing to wait for).
 */
public class GreeterTooSlowException extends GreeterUnavailableException {

    private static final long serialVersionUID = 1L;

    public GreeterTooSlowException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
