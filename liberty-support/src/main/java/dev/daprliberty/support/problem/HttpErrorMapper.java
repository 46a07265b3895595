package dev.daprliberty.support.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.StatusType;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS runtime's own errors (unknown path 404, unknown method 405, wrong Content-Type 415, ...)
 * into problems. Keeps the Allow header of a 405 so the client sees which methods exist. An exception that
 * already carries its problem ({@link ProblemException}) keeps it.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original;
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
            case 415 -> Problem.CONTENT_TYPE_REQUIRED;
            default -> status.getReasonPhrase();
        };
    }
}
