package dev.daprliberty.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fields Liberty's log handlers read through LogRecordContext, with and without a current span. */
class TraceLogFieldsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private final TraceLogFields fields = new TraceLogFields();

    @BeforeEach
    void register() {
        fields.register(null);
    }

    @AfterEach
    void unregister() {
        fields.unregister();
    }

    private static Map<String, String> logRecordFields() {
        Map<String, String> extensions = new HashMap<>();
        LogRecordContext.getExtensions(extensions);
        return extensions;
    }

    @Test
    void aLogRecordInsideASpanCarriesItsIds() {
        SpanContext context = SpanContext.createFromRemoteParent(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());

        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            assertThat(logRecordFields()).containsAllEntriesOf(Map.of(
                    TraceLogFields.TRACE_ID, TRACE_ID,
                    TraceLogFields.SPAN_ID, SPAN_ID,
                    TraceLogFields.DD_TRACE_ID, "11803532876627986230",
                    TraceLogFields.DD_SPAN_ID, "67667974448284343"));
        }
    }

    @Test
    void aLogRecordOutsideASpanHasNoIds() {
        assertThat(logRecordFields()).doesNotContainKeys(TraceLogFields.TRACE_ID, TraceLogFields.SPAN_ID,
                TraceLogFields.DD_TRACE_ID, TraceLogFields.DD_SPAN_ID);
    }

    @Test
    void unregisteredFieldsAreGone() {
        fields.unregister();
        SpanContext context = SpanContext.createFromRemoteParent(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());

        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            assertThat(logRecordFields()).doesNotContainKey(TraceLogFields.TRACE_ID);
        }
    }
}
