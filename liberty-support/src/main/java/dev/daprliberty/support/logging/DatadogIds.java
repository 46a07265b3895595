package dev.daprliberty.support.logging;

/**
 * Datadog's form of OpenTelemetry ids: the unsigned decimal of the (lower) 64 bits, as its log-trace
 * correlation expects in {@code dd.trace_id} and {@code dd.span_id}.
 */
final class DatadogIds {

    private DatadogIds() {
    }

    /** The lower 64 bits of a 32-hex-digit trace id, in decimal. */
    static String traceId(String otelTraceId) {
        return spanId(otelTraceId.substring(otelTraceId.length() - 16));
    }

    /** A 16-hex-digit span id in decimal. */
    static String spanId(String otelSpanId) {
        return Long.toUnsignedString(Long.parseUnsignedLong(otelSpanId, 16));
    }
}
