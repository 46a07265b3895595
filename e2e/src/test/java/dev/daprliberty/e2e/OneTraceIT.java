package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.daprliberty.e2e.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One request is one trace: the caller's trace id on the spans of all four emitters (comms, comms' sidecar,
 * greeter's sidecar, greeter), each span the child of the one before it.
 */
@ExtendWith(SharedChains.Resolver.class)
class OneTraceIT {

    @ParameterizedTest(name = "comms with the {0} adapter")
    @ValueSource(strings = {"rest-client", "dapr-sdk"})
    void oneGreetIsOneTraceOfFiveSpansEachTheParentOfTheNext(String adapter, SharedChains chains) {
        Traceparents caller = Traceparents.random();

        Answer answer = chains.of(adapter).greet("{\"name\":\"Ada\"}", caller.header());

        assertThat(answer.isGreetersGreeting()).as(answer.body()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(chains.receiver().spansOf(caller.traceId())).hasSize(5));
        List<ReceivedSpan> chain = parentChain(chains.receiver().spansOf(caller.traceId()), caller.parentSpanId());
        System.out.printf("trace %s (%s): %s%n", caller.traceId(), adapter, chain);
        assertThat(chain)
                .extracting(ReceivedSpan::emitter, ReceivedSpan::kind)
                .containsExactly(
                        tuple("comms", SpanKind.SPAN_KIND_SERVER),
                        tuple("comms", SpanKind.SPAN_KIND_CLIENT),
                        tuple("comms-daprd", SpanKind.SPAN_KIND_CLIENT),
                        tuple("greeter-daprd", SpanKind.SPAN_KIND_SERVER),
                        tuple("greeter", SpanKind.SPAN_KIND_SERVER));
        assertThat(chain.get(0).name()).isEqualTo("POST /greet");
        assertThat(chain.get(2).name()).isEqualTo("CallLocal/greeter/greet");
        assertThat(chain.get(3).name()).isEqualTo("CallLocal/greeter/greet");
        assertThat(chain.get(4).name()).isEqualTo("POST /greet");
    }

    /** The spans from the caller's span down, each the parent of the next; stops where no span continues it. */
    private static List<ReceivedSpan> parentChain(List<ReceivedSpan> spans, String callerSpanId) {
        List<ReceivedSpan> chain = new ArrayList<>();
        String parent = callerSpanId;
        Optional<ReceivedSpan> next;
        while ((next = childOf(spans, parent)).isPresent()) {
            chain.add(next.get());
            parent = next.get().spanId();
        }
        return chain;
    }

    private static Optional<ReceivedSpan> childOf(List<ReceivedSpan> spans, String parentSpanId) {
        List<ReceivedSpan> children = spans.stream().filter(span -> span.parentSpanId().equals(parentSpanId)).toList();
        assertThat(children).as("spans whose parent is " + parentSpanId).hasSizeLessThanOrEqualTo(1);
        return children.stream().findFirst();
    }
}
