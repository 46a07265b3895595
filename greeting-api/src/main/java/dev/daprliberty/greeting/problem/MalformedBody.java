package dev.daprliberty.greeting.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response.Status;

/** Recognises a request body JSON-B could not read: invalid JSON, or an array or number where an object belongs. */
final class MalformedBody {

    static final Problem PROBLEM = new Problem(Problem.MALFORMED_BODY, "Malformed request body",
            Status.BAD_REQUEST.getStatusCode(), "the request body must be a JSON object, e.g. {\"name\":\"Ada\"}");

    private MalformedBody() {
    }

    /** Whether JSON parsing or binding failed somewhere in the cause chain (the JAX-RS runtime may wrap it). */
    static boolean isCauseOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
