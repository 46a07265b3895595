package dev.daprliberty.comms.greeter;

import java.io.IOException;

/** A failure in one log-friendly line: its type and message, white space collapsed. */
public final class FailureDescription {

    private FailureDescription() {
    }

    public static String of(Throwable failure) {
        String type = failure.getClass().getSimpleName();
        String message = failure.getMessage();
        return message == null || message.isBlank() ? type : type + ": " + message.strip().replaceAll("\\s+", " ");
    }

    /**
     * The transport failure behind a client exception, which names what actually went wrong (e.g.
     * ConnectException, HttpTimeoutException): the first I/O exception in the cause chain, else the innermost cause.
     */
    public static String ofTransportFailure(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof IOException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return of(cause);
    }
}
