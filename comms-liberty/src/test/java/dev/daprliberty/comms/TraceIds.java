package dev.daprliberty.comms;

import java.util.concurrent.ThreadLocalRandom;

/** W3C trace context for tests. */
final class TraceIds {

    /** The span of the (imaginary) caller of comms. */
    static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    private TraceIds() {
    }

    /** A trace id no earlier request used, so the server must have continued this very trace. */
    static String fresh() {
        return String.format("%016x%016x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), System.nanoTime());
    }

    /** The traceparent header of a sampled call from the caller's span in this trace. */
    static String traceparent(String traceId) {
        return "00-" + traceId + "-" + CALLER_SPAN_ID + "-01";
    }
}
