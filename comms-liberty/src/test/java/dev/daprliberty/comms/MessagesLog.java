package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A Liberty server's messages.log, one JSON object a line (server.xml sets messageFormat="json"). */
public final class MessagesLog {

    private final Path file;

    public MessagesLog(Path file) {
        this.file = file;
    }

    /** The first line with this trace_id whose message contains {@code text}; waits for Liberty to write it. */
    public JsonObject awaitLine(String traceId, String text) {
        assertThat(file).as("messages.log of the server liberty-maven-plugin started").exists();
        return await("a line with trace_id " + traceId + " and '" + text + "' in " + file)
                .atMost(Duration.ofSeconds(20))
                .until(() -> line(traceId, text), Optional::isPresent)
                .orElseThrow();
    }

    /** Every line written with this trace_id so far. */
    public List<JsonObject> lines(String traceId) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.contains(traceId))
                    .map(CommsServer::json)
                    .filter(line -> traceId.equals(line.getString("trace_id", null)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<JsonObject> line(String traceId, String text) {
        return lines(traceId).stream().filter(line -> line.getString("message", "").contains(text)).findFirst();
    }
}
