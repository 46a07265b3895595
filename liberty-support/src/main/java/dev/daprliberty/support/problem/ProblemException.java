package dev.daprliberty.support.problem;

import jakarta.ws.rs.WebApplicationException;

/** Ends a request with its problem; JAX-RS answers the response it carries as it is. */
public class ProblemException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ProblemException(Problem problem) {
        super(problem.detail(), problem.toResponse());
    }

    public Problem problem() {
        return (Problem) getResponse().getEntity();
    }
}
