package dev.daprliberty.support.logging;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds the current OpenTelemetry trace and span ids to every log record Liberty writes while a request is
 * traced, so Datadog can link a log line to its trace. Liberty's JSON logs do not carry them on their own:
 * its LogRecordContext API adds them as {@code ext_*} fields, which server.xml renames with
 * {@code <logging jsonFieldMappings=.../>} to {@code trace_id}/{@code span_id} (OpenTelemetry hex) and
 * {@code dd.trace_id}/{@code dd.span_id} (Datadog's decimal form). Outside a trace the fields are absent.
 */
@ApplicationScoped
public class TraceLogFields {

    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    public static final String DD_TRACE_ID = "dd.trace_id";
    public static final String DD_SPAN_ID = "dd.span_id";

    // LogRecordContext holds its callbacks weakly: this bean keeps them alive while the application runs.
    private final Map<String, LogRecordContext.Extension> fields = Map.of(
            TRACE_ID, fromCurrentSpan(SpanContext::getTraceId),
            SPAN_ID, fromCurrentSpan(SpanContext::getSpanId),
            DD_TRACE_ID, fromCurrentSpan(span -> DatadogIds.traceId(span.getTraceId())),
            DD_SPAN_ID, fromCurrentSpan(span -> DatadogIds.spanId(span.getSpanId())));

    void register(@Observes Startup startup) {
        fields.forEach(LogRecordContext::registerExtension);
    }

    @PreDestroy
    void unregister() {
        fields.keySet().forEach(LogRecordContext::unregisterExtension);
    }

    /** A field whose value comes from the span current on the logging thread; null (left out) when there is none. */
    private static LogRecordContext.Extension fromCurrentSpan(Function<SpanContext, String> value) {
        return () -> {
            SpanContext span = Span.current().getSpanContext();
            return span.isValid() ? value.apply(span) : null;
        };
    }
}
