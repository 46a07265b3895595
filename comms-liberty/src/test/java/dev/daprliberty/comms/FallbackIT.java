package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
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
    private static final String WARNING = "greeter unavailable, answering with the fallback greeting; cause: ";

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void answersOnItsOwnWhenNoSidecarListens(CommsServer server) {
        CommsServer.assertNoSidecarListens();
        String traceId = TraceIds.fresh();

        HttpResponse<String> response = server.greet("{\"name\":\"Ada\"}", "traceparent", TraceIds.traceparent(traceId));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(FALLBACK);
        JsonObject warning = server.messagesLog().awaitLine(traceId, WARNING);
        assertThat(warning.getString("loglevel")).isEqualTo("WARNING");
        assertThat(warning.getString("message")).contains("ConnectException");
        assertThat(server.messagesLog().lines(traceId)).as("the request's log lines").containsExactly(warning);
    }

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void answersOnItsOwnWhenGreeterFails(CommsServer server) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            sidecar.answering(500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"greeter crashed\"}");
            String traceId = TraceIds.fresh();

            assertThat(server.greet("{\"name\":\"Ada\"}", "traceparent", TraceIds.traceparent(traceId)).body()).isEqualTo(FALLBACK);
            assertThat(server.messagesLog().awaitLine(traceId, WARNING).getString("message")).contains("HTTP 500");
        }
    }

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void answersOnItsOwnWhenGreeterIsSlowerThanTheBudget(CommsServer server) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            sidecar.delaying(Duration.ofMillis(CommsServer.timeoutMillis() * 3));
            long start = System.nanoTime();

            assertThat(server.greet("{\"name\":\"Ada\"}").body()).isEqualTo(FALLBACK);

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofMillis(CommsServer.timeoutMillis() * 2));
        }
    }
}
