package dev.daprliberty.greeter;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at "/". It lists no classes on purpose: Liberty then scans the WAR, including
 * greeting-api's problem+json exception mappers in WEB-INF/lib.
 */
@ApplicationPath("/")
public class GreeterApplication extends Application {
}
