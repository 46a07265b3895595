package dev.daprliberty.support.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Everything the more specific mappers leave: logged with its stack trace, answered 500 without it. */
@Provider
public class CatchAllMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(CatchAllMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(Level.SEVERE, "Unexpected error while handling a request", exception);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred; the server log has the details")
                .toResponse();
    }
}
