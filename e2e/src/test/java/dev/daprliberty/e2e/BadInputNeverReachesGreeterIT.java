package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daprliberty.e2e.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input is answered by comms itself and never travels: no span of that request from either sidecar or from
 * greeter, and greeter's sidecar passes nothing on to greeter.
 */
@ExtendWith(SharedChains.Resolver.class)
class BadInputNeverReachesGreeterIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name                       | {}                         | application/json
            blank name                    | {"name":"   "}             | application/json
            malformed JSON                | {"name":                   | application/json
            an array                      | ["Ada"]                    | application/json
            a control character           | {"name":"Ada\\u0007"}      | application/json
            not JSON                      | name=Ada                   | application/x-www-form-urlencoded
            """)
    void badInputIsAnsweredByCommsAndReachesNeitherSidecarNorGreeter(String problem, String body, String contentType,
            SharedChains chains) {
        Chain chain = chains.of("rest-client");
        double delivered = SidecarMetrics.greetsDelivered(chain);
        Traceparents caller = Traceparents.random();
        Map<String, String> headers = new HashMap<>(caller.header());
        headers.put("Content-Type", contentType);

        Answer answer = chain.greet(body, headers);

        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        // comms' own span of the request arrives, so the absence of any other span of it means something.
        await().atMost(Duration.ofSeconds(30)).until(() -> !chains.receiver().spansOf(caller.traceId()).isEmpty());
        ManagedProcess.sleep(Duration.ofSeconds(2));
        assertThat(chains.receiver().spansOf(caller.traceId())).extracting(ReceivedSpan::emitter).containsOnly("comms");
        assertThat(SidecarMetrics.greetsDelivered(chain)).isEqualTo(delivered);
    }
}
