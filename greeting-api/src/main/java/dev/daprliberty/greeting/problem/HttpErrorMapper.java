package dev.daprliberty.greeting.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.StatusType;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS runtime's own errors (unknown path 404, unknown method 405, wrong Content-Type 415, ...)
 * into problems. Keeps the Allow header of a 405 so the client sees which methods exist.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getStatus() == Response.Status.BAD_REQUEST.getStatusCode() && MalformedBody.isCauseOf(exception)) {
            return MalformedBody.PROBLEM.toResponse();
        }
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        return Problem.of(original.getStatusInfo(), detailFor(original.getStatusInfo(), allow))
                .toResponseBuilder()
                .header(HttpHeaders.ALLOW, allow)
                .build();
    }

    private static String detailFor(StatusType status, String allow) {
        return switch (status.getStatusCode()) {
            case 404 -> "no resource at this path";
            case 405 -> allow == null ? "this method is not allowed here" : "this method is not allowed here; allowed: " + allow;
            case 406 -> "this resource answers application/json only";
            case 415 -> "the request body must be sent with Content-Type: application/json";
            default -> status.getReasonPhrase();
        };
    }
}
