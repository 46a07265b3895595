package dev.daprliberty.comms;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API at the root, so the greeting is at {@code /greet}. Empty on purpose: resources and mappers are scanned. */
@ApplicationPath("/")
public class CommsApplication extends Application {

    /** How comms names itself in answers it forms and in its health checks. */
    public static final String SERVICE = "comms";
}
