package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** comms' own sidecar stops: comms answers its fallback and says it is not ready; the sidecar back, ready again. */
class CommsSidecarStoppedIT {

    @RegisterExtension
    static final OwnChain OWN = new OwnChain("comms-sidecar-stopped", Chain.Options.adapter("rest-client"));

    private final Chain chain = OWN.chain();

    @Test
    void fallbackAndNotReadyWithoutTheSidecarReadyAndGreetingAgainWithIt() {
        assertThat(Answer.get(chain.comms("/health/ready")).status()).isEqualTo(200);

        chain.commsSidecar.stop();

        Answer greeting = chain.greet();
        assertThat(greeting.isFallback()).as(greeting.body()).isTrue();
        Answer readiness = Answer.get(chain.comms("/health/ready"));
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness.json().path("checks").findValuesAsText("name")).contains("dapr-sidecar");
        assertThat(readiness.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(Answer.get(chain.comms("/health/live")).status()).as("comms stays alive").isEqualTo(200);

        chain.commsSidecar.start().awaitReady(Chain.READY_TIMEOUT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Answer.get(chain.comms("/health/ready")).status()).isEqualTo(200));
        chain.awaitGreetersGreeting(Duration.ofSeconds(60));
    }
}
