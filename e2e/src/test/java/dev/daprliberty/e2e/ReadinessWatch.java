package dev.daprliberty.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** Asks a readiness URL four times a second and keeps every answer (2xx: ready), for checking it told the truth. */
final class ReadinessWatch implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(250);

    record Sample(long atNanos, boolean ready) {
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread watcher;

    ReadinessWatch(URI readiness) {
        watcher = new Thread(() -> {
            while (running.get()) {
                boolean ready;
                try {
                    int status = Answer.get(readiness).status();
                    ready = status >= 200 && status < 300;
                } catch (RuntimeException e) {
                    ready = false;
                }
                samples.add(new Sample(System.nanoTime(), ready));
                ManagedProcess.sleep(EVERY);
            }
        }, "readiness-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            watcher.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
