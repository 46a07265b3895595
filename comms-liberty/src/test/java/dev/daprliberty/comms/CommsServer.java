package dev.daprliberty.comms;

import dev.daprliberty.greeting.contract.ServiceHttp;
import java.net.URI;
import java.nio.file.Path;
import org.microshed.testing.ApplicationEnvironment;

/**
 * The two comms servers liberty-maven-plugin starts for the integration tests, one per adapter, both sending
 * to the sidecar stand-in's port (see comms-liberty/pom.xml). MicroShed Testing knows the REST Client one.
 */
public enum CommsServer {
    REST_CLIENT("comms-it-rest-client"),
    DAPR_SDK("comms-it-dapr-sdk");

    private final String serverName;

    CommsServer(String serverName) {
        this.serverName = serverName;
    }

    public ServiceHttp http() {
        return new ServiceHttp(this == REST_CLIENT
                ? URI.create(ApplicationEnvironment.Resolver.load().getApplicationURL())
                : URI.create(System.getProperty("comms.dapr-sdk.url", "http://localhost:9082")));
    }

    /** The server's JSON messages.log. */
    public Path messagesLog() {
        return Path.of(System.getProperty("comms.servers.dir", "target/liberty/wlp/usr/servers"), serverName, "logs", "messages.log");
    }

    /** A stand-in for the Dapr sidecar on the port both servers send to; open only while a test needs a sidecar. */
    public static SidecarStandIn sidecarStandIn() {
        return SidecarStandIn.startOn(Integer.getInteger("comms.sidecar.port", 3590));
    }

    /** The greeting budget the servers were started with. */
    public static long timeoutMillis() {
        return Long.getLong("comms.timeout.millis", 1000);
    }
}
