package dev.daprliberty.e2e;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver (protobuf, {@code POST /v1/traces}) inside the test: it plays the Datadog Agent's
 * OTLP receiver, which both apps and both sidecars export to. Keeps every span it receives, or, started
 * {@link #counting()} (the benchmark's hundreds of thousands), only how many each emitter sent.
 */
final class OtlpReceiver implements AutoCloseable {

    /** The instrumentation scope daprd's spans carry; the apps' spans carry their OpenTelemetry SDK's scopes. */
    private static final String DAPR_SCOPE = "dapr-diagnostics";

    /** A received span, with who emitted it: an app ({@code comms}) or its sidecar ({@code comms-daprd}). */
    record ReceivedSpan(String emitter, String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind) {
    }

    private final HttpServer server;
    private final boolean keep;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    private OtlpReceiver(HttpServer server, boolean keep) {
        this.server = server;
        this.keep = keep;
    }

    static OtlpReceiver start() {
        return start(true);
    }

    /** A receiver that keeps no span, only {@link #counts()}. */
    static OtlpReceiver counting() {
        return start(false);
    }

    private static OtlpReceiver start(boolean keep) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server, keep);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String endpoint() {
        return "http://localhost:" + port();
    }

    /** How many spans each emitter (e.g. {@code comms}, {@code comms-daprd}) has sent so far. */
    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((emitter, count) -> snapshot.put(emitter, count.sum()));
        return snapshot;
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = body(exchange)) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = resourceSpans.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    String emitter = scopeSpans.getScope().getName().equals(DAPR_SCOPE) ? service + "-daprd" : service;
                    counts.computeIfAbsent(emitter, key -> new LongAdder()).add(scopeSpans.getSpansCount());
                    if (keep) {
                        scopeSpans.getSpansList().forEach(span -> spans.add(new ReceivedSpan(emitter, hex(span.getTraceId()),
                                hex(span.getSpanId()), hex(span.getParentSpanId()), span.getName(), span.getKind())));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding")) ? new GZIPInputStream(body) : body;
    }

    private static String hex(ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
