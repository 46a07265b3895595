package dev.daprliberty.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * STAND-IN for the service inside the container .ci/smoke-image starts (no container engine here): an HTTP server on
 * an ephemeral loopback port that answers the readiness probe with 503 until it has been asked {@code notReadyFor}
 * times, then 200, and answers POST /greet as told. It records what it was asked.
 */
final class ServiceStandIn implements AutoCloseable {

    /** One request: method, path, Content-Type and body. */
    record Request(String method, String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger readinessLooks = new AtomicInteger();
    private final int notReadyFor;
    private final int greetStatus;
    private final String greetBody;

    private ServiceStandIn(int notReadyFor, int greetStatus, String greetBody) {
        this.notReadyFor = notReadyFor;
        this.greetStatus = greetStatus;
        this.greetBody = greetBody;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** Ready after {@code notReadyFor} looks; greets as greeter does. */
    static ServiceStandIn readyAfter(int notReadyFor) {
        return new ServiceStandIn(notReadyFor, 200,
                "{\"message\":\"Hello, Smoke!\",\"service\":\"greeter\",\"timestamp\":\"2026-11-25T10:15:30Z\"}");
    }

    static ServiceStandIn neverReady() {
        return new ServiceStandIn(Integer.MAX_VALUE, 200, "");
    }

    static ServiceStandIn greetingWith(int status, String body) {
        return new ServiceStandIn(0, status, body);
    }

    /** host:port, as `docker port` prints a published port. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (path.equals("/health/ready")) {
            respond(exchange, readinessLooks.incrementAndGet() > notReadyFor ? 200 : 503, "{\"status\":\"UP\"}");
        } else if (path.equals("/greet") && exchange.getRequestMethod().equals("POST")) {
            respond(exchange, greetStatus, greetBody);
        } else {
            respond(exchange, 404, "");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
