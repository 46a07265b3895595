package dev.daprliberty.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of an app, between it and its sidecar, that can make the app slow: each request waits
 * {@link #delay(Duration)} before it is passed on. What the drill uses for "greeter is slow", without a hook in greeter.
 */
final class DelayProxy implements AutoCloseable {

    /** Hop-by-hop and computed headers the JDK client sets itself. */
    private static final Set<String> NOT_COPIED = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Duration delay = Duration.ZERO;

    private DelayProxy(HttpServer server, URI target) {
        this.server = server;
        this.target = target;
    }

    /** A proxy on {@code port} to the app on {@code targetPort}. */
    static DelayProxy start(int port, int targetPort) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            DelayProxy proxy = new DelayProxy(server, URI.create("http://localhost:" + targetPort));
            server.createContext("/", proxy::forward);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            ManagedProcess.sleep(delay);
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), BodyHandlers.ofByteArray());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
