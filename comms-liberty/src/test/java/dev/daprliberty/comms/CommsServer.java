package dev.daprliberty.comms;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.microshed.testing.ApplicationEnvironment;

/**
 * The two comms servers liberty-maven-plugin starts for the integration tests, one per adapter, both sending
 * to the sidecar stand-in's port (see comms-liberty/pom.xml), and raw HTTP to them: bad input must be sent
 * exactly as written. MicroShed Testing knows the REST Client one.
 */
public enum CommsServer {
    REST_CLIENT("comms-it-rest-client"),
    DAPR_SDK("comms-it-dapr-sdk");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String serverName;

    CommsServer(String serverName) {
        this.serverName = serverName;
    }

    public URI uri(String path) {
        String base = this == REST_CLIENT
                ? ApplicationEnvironment.Resolver.load().getApplicationURL()
                : System.getProperty("comms.dapr-sdk.url", "http://localhost:9082");
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    /** {@code POST /greet} with a JSON body and optional extra headers (name, value, name, value, ...). */
    public HttpResponse<String> greet(String jsonBody, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/greet")).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("comms (" + serverName + ") does not answer at " + uri("/")
                    + ": run the integration tests with ./mvnw verify, which starts it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The server's JSON messages.log. */
    public MessagesLog messagesLog() {
        return new MessagesLog(Path.of(System.getProperty("comms.servers.dir", "target/liberty/wlp/usr/servers"),
                serverName, "logs", "messages.log"));
    }

    /** A stand-in for the Dapr sidecar on the port both servers send to; open only while a test needs a sidecar. */
    public static SidecarStandIn sidecarStandIn() {
        return SidecarStandIn.startOn(sidecarPort());
    }

    /** Fails, naming the fix, when something other than a stand-in listens where the servers expect their sidecar. */
    public static void assertNoSidecarListens() {
        try (Socket ignored = new Socket("127.0.0.1", sidecarPort())) {
            throw new AssertionError("something listens on 127.0.0.1:" + sidecarPort() + ", where the comms test servers"
                    + " expect no sidecar: stop it, or choose a free port with -Dit.sidecar.port=<port>");
        } catch (IOException expected) {
            // Connection refused: no sidecar, as the test needs.
        }
    }

    private static int sidecarPort() {
        return Integer.getInteger("comms.sidecar.port", 3590);
    }

    /** The greeting budget the servers were started with. */
    public static long timeoutMillis() {
        return Long.getLong("comms.timeout.millis", 1000);
    }
}
