package dev.daprliberty.comms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A STAND-IN FOR THE DAPR SIDECAR (daprd cannot run on the build machines): a JDK HTTP server on 127.0.0.1 that
 * records every request it receives and answers each with the status, body and delay the test sets.
 */
public final class SidecarStandIn implements AutoCloseable {

    /** What the stand-in received. Header names are lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** Method and path, e.g. {@code POST /v1.0/invoke/greeter/method/greet}. */
        public String call() {
            return method + " " + path;
        }
    }

    public static final String GREETER_ANSWER =
            "{\"message\":\"Hello, Ada!\",\"service\":\"greeter\",\"timestamp\":\"2026-03-01T10:15:30.123456Z\"}";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = GREETER_ANSWER;
    private volatile Duration delay = Duration.ZERO;

    private SidecarStandIn(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the sidecar stand-in cannot listen on 127.0.0.1:" + port, e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    /** A stand-in on a free port. */
    public static SidecarStandIn start() {
        return new SidecarStandIn(0);
    }

    /** A stand-in on the port a running server was configured with. */
    public static SidecarStandIn startOn(int port) {
        return new SidecarStandIn(port);
    }

    /** A port nothing listens on: "no sidecar". */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answer every request with this status and body from now on. */
    public SidecarStandIn answering(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    /** Wait this long before answering. */
    public SidecarStandIn delaying(Duration delay) {
        this.delay = delay;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(header -> header.getKey().toLowerCase(), header -> String.join(",", header.getValue())));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, requestBody));
            pause();
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // Tests start and stop a stand-in on the same port many times; a kept-alive connection to a stopped
            // one would sit in the client's pool and fail the next test's request (a real daprd outlives them).
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
