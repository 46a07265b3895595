package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The W3C trace context of the incoming request reaches the sidecar (stand-in) with either adapter, so Dapr
 * joins comms' and greeter's hops into one trace: same trace id, comms' own span as the parent.
 */
@MicroShedTest
class TracePropagationIT {

    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void theSidecarReceivesTheIncomingTraceId(CommsServer server) {
        String traceId = TraceIds.fresh();
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            server.http().send(HttpRequest.newBuilder(server.http().uri("/greet"))
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN_ID + "-01")
                    .header("tracestate", "dd=s:1")
                    .POST(BodyPublishers.ofString("{\"name\":\"Ada\"}")));

            String traceparent = sidecar.received().get(0).header("traceparent");
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            assertThat(traceparent).doesNotContain(CALLER_SPAN_ID);
            assertThat(sidecar.received().get(0).header("tracestate")).isEqualTo("dd=s:1");
        }
    }
}
