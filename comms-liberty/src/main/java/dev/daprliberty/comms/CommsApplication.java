package dev.daprliberty.comms;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at "/", so the greeting is at {@code /greet}. It lists no classes on purpose: Liberty
 * then scans the WAR, including liberty-support's providers (problem+json answers, the strict request body
 * reader) in WEB-INF/lib.
 */
@ApplicationPath("/")
public class CommsApplication extends Application {

    /** How comms names itself in the answers it forms and its health check. */
    public static final String SERVICE = "comms";
}
