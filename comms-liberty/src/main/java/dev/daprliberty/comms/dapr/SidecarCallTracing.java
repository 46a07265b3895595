package dev.daprliberty.comms.dapr;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A client span around a call to the sidecar, and the W3C headers ({@code traceparent}, {@code tracestate})
 * that make the sidecar's span its child. For calls the REST Client instrumentation does not see.
 */
public final class SidecarCallTracing {

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public SidecarCallTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(SidecarCallTracing.class.getName());
    }

    /**
     * Runs {@code call} inside a client span named {@code spanName}.
     *
     * @param call gets the trace headers to send
     */
    public <T> T traced(String spanName, Function<Map<String, String>, T> call) {
        Span span = tracer.spanBuilder(spanName).setSpanKind(SpanKind.CLIENT).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Map<String, String> headers = new HashMap<>();
            openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
            return call.apply(headers);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }
}
