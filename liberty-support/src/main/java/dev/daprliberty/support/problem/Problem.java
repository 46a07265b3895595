package dev.daprliberty.support.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;

/**
 * An RFC 9457 problem detail, the body of every error answer. It never carries a stack trace: the detail
 * tells the client what to fix, the server log keeps the rest.
 *
 * @param type   a URI naming the kind of problem; {@value #ABOUT_BLANK} when the status says it all
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 */
@JsonbPropertyOrder({"type", "title", "status", "detail"})
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";
    public static final String INVALID_REQUEST = "urn:dapr-liberty:problem:invalid-request";
    public static final String MALFORMED_BODY = "urn:dapr-liberty:problem:malformed-body";
    static final String CONTENT_TYPE_REQUIRED = "the request body must be sent with Content-Type: application/json";

    /** A problem fully described by its status: the title is the status' reason phrase. */
    public static Problem of(StatusType status, String detail) {
        return new Problem(ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    /** 400: the request is well-formed JSON but not a valid request (the detail names the rule). */
    public static Problem invalidRequest(String detail) {
        return new Problem(INVALID_REQUEST, "Invalid request", Status.BAD_REQUEST.getStatusCode(), detail);
    }

    /** 400: the request body cannot be read as one UTF-8 JSON object. */
    public static Problem malformedBody(String detail) {
        return new Problem(MALFORMED_BODY, "Malformed request body", Status.BAD_REQUEST.getStatusCode(), detail);
    }

    /** The answer carrying this problem. */
    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
