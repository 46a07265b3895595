package dev.daprliberty.comms.dapr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.comms.SidecarStandIn;
import dev.daprliberty.comms.SidecarStandIn.Received;
import dev.daprliberty.comms.greeter.Greeter;
import dev.daprliberty.greeting.wire.GreetRequest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Dapr SDK adapter carries the current trace context to the sidecar (stand-in), so Dapr continues the
 * trace. (The REST Client adapter is instrumented by Liberty; TracePropagationIT proves both on the server.)
 */
class DaprSdkTracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private final SidecarStandIn sidecar = SidecarStandIn.start();
    private final Greeter greeter = AdapterUnderTest.DAPR_SDK.create(sidecar.uri());

    @AfterEach
    void stop() {
        sidecar.close();
    }

    @Test
    void sendsTheTraceparentAndTracestateOfTheCurrentSpan() {
        SpanContext incoming = SpanContext.createFromRemoteParent(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("dd", "s:1").build());

        try (Scope ignored = Span.wrap(incoming).makeCurrent()) {
            greeter.greet(new GreetRequest("Ada"));
        }

        Received call = sidecar.received().get(0);
        assertThat(call.header("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(call.header("tracestate")).isEqualTo("dd=s:1");
    }

    @Test
    void sendsNoTraceparentOutsideATrace() {
        greeter.greet(new GreetRequest("Ada"));

        assertThat(sidecar.received().get(0).headers()).doesNotContainKey("traceparent");
    }
}
