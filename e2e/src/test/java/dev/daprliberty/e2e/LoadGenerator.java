package dev.daprliberty.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady load of greets: {@code threads} clients, each sending its next POST /greet as soon as the last one is
 * answered, every answer recorded (when it was sent and answered, its status, whose greeting it was).
 */
final class LoadGenerator implements AutoCloseable {

    /** Whose greeting came back. */
    enum Outcome { GREETER, FALLBACK, OTHER }

    /** One greet: times from System.nanoTime(), status -1 when no HTTP answer came at all. */
    record Greet(long sentNanos, long answeredNanos, int status, Outcome outcome) {

        Duration took() {
            return Duration.ofNanos(answeredNanos - sentNanos);
        }
    }

    private static final String BODY = "{\"name\":\"Ada\"}";

    private final URI greet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Greet> greets = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    LoadGenerator(URI greet, int threads) {
        this.greet = greet;
        for (int i = 0; i < threads; i++) {
            Thread client = new Thread(this::greetUntilStopped, "load-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    /** Every greet answered so far. */
    List<Greet> greets() {
        return List.copyOf(greets);
    }

    private void greetUntilStopped() {
        HttpRequest request = HttpRequest.newBuilder(greet).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(BODY)).build();
        while (running.get()) {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(request, BodyHandlers.ofString());
                greets.add(new Greet(sent, System.nanoTime(), answer.statusCode(), outcomeOf(answer)));
            } catch (IOException e) {
                greets.add(new Greet(sent, System.nanoTime(), -1, Outcome.OTHER));
                ManagedProcess.sleep(Duration.ofMillis(50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Outcome outcomeOf(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            return Outcome.OTHER;
        }
        // Cheaper than parsing every answer: the two answers differ in the service that formed them.
        String body = answer.body();
        if (body.contains("\"service\":\"greeter\"")) {
            return Outcome.GREETER;
        }
        return body.contains("\"error\":\"greeter_service_unavailable\"") ? Outcome.FALLBACK : Outcome.OTHER;
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread client : clients) {
            try {
                client.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
