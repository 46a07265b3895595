package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.greeting.contract.MessagesLog;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * When greeter is unavailable comms still answers 200 with its own greeting and logs one WARN line with the
 * cause, carrying the request's trace id. Each server sees only a few failures here, far below the circuit
 * breaker's window of 20 calls, so the circuit stays closed for the other tests.
 */
@MicroShedTest
class FallbackIT {

    private static final String FALLBACK =
            "{\"message\":\"Hello, Ada (from fallback)!\",\"service\":\"comms\",\"error\":\"greeter_service_unavailable\"}";

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void answersOnItsOwnWhenNoSidecarListens(CommsServer server) {
        String traceId = TraceIds.fresh();

        HttpResponse<String> response = greetAda(server, traceId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(FALLBACK);
        JsonObject warning = new MessagesLog(server.messagesLog()).awaitLineWithTraceId(traceId);
        assertThat(warning.getString("loglevel")).isEqualTo("WARNING");
        assertThat(warning.getString("message"))
                .contains("greeter unavailable, answering with the fallback greeting; cause: ")
                .contains("ConnectException");
    }

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void answersOnItsOwnWhenGreeterFails(CommsServer server) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            sidecar.answering(500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"greeter crashed\"}");
            String traceId = TraceIds.fresh();

            assertThat(greetAda(server, traceId).body()).isEqualTo(FALLBACK);
            assertThat(new MessagesLog(server.messagesLog()).awaitLineWithTraceId(traceId).getString("message"))
                    .contains("HTTP 500");
        }
    }

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void answersOnItsOwnWhenGreeterIsSlowerThanTheBudget(CommsServer server) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            sidecar.delaying(Duration.ofMillis(CommsServer.timeoutMillis() * 3));
            long start = System.nanoTime();

            assertThat(greetAda(server, TraceIds.fresh()).body()).isEqualTo(FALLBACK);

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofMillis(CommsServer.timeoutMillis() * 2));
        }
    }

    private static HttpResponse<String> greetAda(CommsServer server, String traceId) {
        return server.http().send(HttpRequest.newBuilder(server.http().uri("/greet"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(BodyPublishers.ofString("{\"name\":\"Ada\"}")));
    }
}
