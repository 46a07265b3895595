package dev.daprliberty.e2e;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of the benchmark's load generator (e2e/floor/load, built by e2e/benchmark): {@code clients} clients send
 * POST /greet without pause until {@code greets} were answered. What it prints, read.
 *
 * @param errors     answers other than greeter's greeting (fallbacks, non-200, no answer)
 * @param cpuMicros  the load generator's own CPU time
 * @param firstError what the first such answer was, if any
 */
record GreetLoad(long greets, double seconds, long errors, @JsonProperty("p50_ms") double p50Millis,
        @JsonProperty("p90_ms") double p90Millis, @JsonProperty("p99_ms") double p99Millis,
        @JsonProperty("cpu_micros") long cpuMicros, @JsonProperty("first_error") String firstError) {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static GreetLoad run(Path loader, URI greet, int clients, int greets) {
        try {
            Process process = new ProcessBuilder(List.of(loader.toString(), "-url", greet.toString(), "-clients",
                    Integer.toString(clients), "-greets", Integer.toString(greets)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(loader + " failed (status " + process.exitValue() + "): " + output);
            }
            return JSON.readValue(output, GreetLoad.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double perSecond() {
        return greets / seconds;
    }
}
