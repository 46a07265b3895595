package dev.daprliberty.greeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * W3C trace context reaches greeter (MicroProfile Telemetry is on even though nothing is exported), and the
 * request's log line carries its trace and span ids in the JSON fields Datadog correlates on.
 */
@MicroShedTest
class TraceLogIT {

    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    @Test
    void theRequestsLogLineCarriesTheIncomingTraceId() {
        // A fresh trace id: the server must continue this trace, not start its own.
        String traceId = String.format("%016x%016x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), System.nanoTime());
        String traceparent = "00-" + traceId + "-" + PARENT_SPAN_ID + "-01";

        GreeterHttp.send(HttpRequest.newBuilder(GreeterHttp.uri("/greet")).header("Content-Type", "application/json")
                .header("traceparent", traceparent).POST(BodyPublishers.ofString("{\"name\":\"Ada\"}")));

        JsonObject line = await().atMost(Duration.ofSeconds(20)).until(() -> logLineOf(traceId), found -> found != null);
        assertThat(line.getString("message")).contains("Formed a greeting");
        assertThat(line.getString("span_id")).hasSize(16).isNotEqualTo(PARENT_SPAN_ID);
        assertThat(line.getString("dd.trace_id")).isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong(traceId.substring(16), 16)));
        assertThat(line.getString("dd.span_id")).isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong(line.getString("span_id"), 16)));
    }

    /** The JSON line of messages.log (written by the test server) whose trace_id is the given one, or null. */
    private static JsonObject logLineOf(String traceId) {
        Path messagesLog = Path.of(System.getProperty("greeter.messages.log", "target/liberty/wlp/usr/servers/defaultServer/logs/messages.log"));
        assertThat(messagesLog).as("messages.log of the server liberty-maven-plugin started").exists();
        try {
            List<String> lines = Files.readAllLines(messagesLog);
            return lines.stream().filter(line -> line.contains(traceId)).map(TraceLogIT::parse)
                    .filter(json -> traceId.equals(json.getString("trace_id", null))).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
