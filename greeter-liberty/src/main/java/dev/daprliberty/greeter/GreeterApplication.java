package dev.daprliberty.greeter;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at "/". It lists no classes on purpose: Liberty then scans the WAR, including
 * liberty-support's providers (problem+json answers, the strict request body reader) in WEB-INF/lib.
 */
@ApplicationPath("/")
public class GreeterApplication extends Application {

    /** How greeter names itself in its answers and its health check. */
    public static final String SERVICE = "greeter";
}
