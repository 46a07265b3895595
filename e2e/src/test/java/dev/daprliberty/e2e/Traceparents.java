package dev.daprliberty.e2e;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** A W3C trace context the test sends with a request, so it can find that request's spans afterwards. */
record Traceparents(String traceId, String parentSpanId) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Traceparents random() {
        return new Traceparents(hex(16), hex(8));
    }

    Map<String, String> header() {
        return Map.of("traceparent", "00-" + traceId + "-" + parentSpanId + "-01");
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
