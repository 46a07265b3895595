package dev.daprliberty.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One process of a chain (an app or a sidecar) that a test can stop, kill, pause and start again. Its output goes
 * to {@code <name>.log} in the chain's folder, appended over restarts.
 */
final class ManagedProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final Path directory;
    private final List<String> command;
    private final Supplier<Map<String, String>> environment;
    private final URI readiness;
    private final Path log;
    private Process process;

    /**
     * @param environment asked again at every start (a runnable Liberty jar needs a new extract folder each time)
     * @param readiness   answers 2xx once the process is ready
     */
    ManagedProcess(String name, Path directory, List<String> command, Supplier<Map<String, String>> environment,
            URI readiness, Path logFolder) {
        this.name = name;
        this.directory = directory;
        this.command = List.copyOf(command);
        this.environment = environment;
        this.readiness = readiness;
        this.log = logFolder.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    URI readiness() {
        return readiness;
    }

    synchronized ManagedProcess start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment.get());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        return this;
    }

    /** Polls the readiness URL until it answers 2xx; fails at once, with the log's end, if the process dies. */
    ManagedProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isReady()) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited (status " + process.exitValue() + ") before it was ready:\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready at " + readiness + " after " + timeout + ":\n" + logTail());
            }
            sleep(Duration.ofMillis(100));
        }
        return this;
    }

    boolean isReady() {
        try {
            int status = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                    BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, as Kubernetes and Ctrl-C stop it; SIGKILL if it has not ended after 15 s. */
    synchronized void stop() {
        if (alive()) {
            process.destroy();
            awaitExit();
        }
    }

    /** SIGKILL: a crash. */
    synchronized void kill() {
        if (alive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** SIGSTOP: the process hangs (it holds its port but answers nothing) until {@link #resume()}. */
    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null && !process.isAlive()) {
            return;
        }
        resume();
        stop();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) {
        if (!alive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
