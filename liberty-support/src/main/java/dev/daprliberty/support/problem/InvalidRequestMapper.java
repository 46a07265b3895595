package dev.daprliberty.support.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * 400 for a request that fails Bean Validation. The detail lists the constraint messages, which name the
 * field themselves (e.g. "name must not be blank"); property paths would leak Java method names.
 */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String detail = exception.getConstraintViolations().stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .collect(Collectors.joining("; "));
        return Problem.invalidRequest(detail.isEmpty() ? "the request is not valid" : detail).toResponse();
    }
}
