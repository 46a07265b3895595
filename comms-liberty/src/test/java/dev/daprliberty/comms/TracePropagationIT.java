package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The W3C trace context of the incoming request reaches the sidecar (stand-in) with either adapter, so Dapr
 * joins comms' and greeter's hops into one trace: same trace id, comms' own span as the parent.
 */
@MicroShedTest
class TracePropagationIT {

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void theSidecarReceivesTheIncomingTraceId(CommsServer server) {
        String traceId = TraceIds.fresh();
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            server.greet("{\"name\":\"Ada\"}", "traceparent", TraceIds.traceparent(traceId), "tracestate", "dd=s:1");

            SidecarStandIn.Received call = sidecar.received().get(0);
            assertThat(call.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(TraceIds.CALLER_SPAN_ID);
            assertThat(call.header("tracestate")).isEqualTo("dd=s:1");
        }
    }

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void theRequestsLogLineCarriesItsTraceAndSpanIds(CommsServer server) {
        String traceId = TraceIds.fresh();
        try (SidecarStandIn ignored = CommsServer.sidecarStandIn()) {
            server.greet("{\"name\":\"Ada\"}", "traceparent", TraceIds.traceparent(traceId));
        }

        JsonObject line = server.messagesLog().awaitLine(traceId, "Passed on greeter's greeting");
        assertThat(line.getString("span_id")).hasSize(16).isNotEqualTo(TraceIds.CALLER_SPAN_ID);
        assertThat(line.getString("dd.trace_id")).isEqualTo(Long.toUnsignedString(Long.parseUnsignedLong(traceId.substring(16), 16)));
    }
}
