package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Greeter stops while its sidecar keeps running: comms answers its fallback within its 2 s budget, Dapr's circuit
 * breaker opens, and greeter's greetings come back once greeter is up again.
 */
class GreeterStoppedIT {

    /** comms' answer budget (greeter.timeout-millis), plus what a loaded 2-core machine may add to one answer. */
    private static final Duration BUDGET_WITH_SLACK = Duration.ofMillis(2000 + 1000);
    /**
     * From greeter ready again to its greeting through the chain: Dapr's breaker stays open 15 s, comms' own breaker
     * 5 s, and a just-started JVM is slow at first. A behaviour bound (it does come back), not a speed goal.
     */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    @RegisterExtension
    static final OwnChain OWN = new OwnChain("greeter-stopped", Chain.Options.adapter("rest-client"));

    private final Chain chain = OWN.chain();

    @Test
    void fallbackWithinTheBudgetThenTheBreakerOpensThenGreeterIsBack() {
        chain.greeter.stop();

        Answer first = chain.greet();
        assertThat(first.isFallback()).as(first.body()).isTrue();
        assertThat(first.took()).isLessThan(BUDGET_WITH_SLACK);
        assertThat(chain.greeterSidecar.alive()).isTrue();

        // Dapr's breaker opens after 5 failures in a row (gitops/dapr-config/base/resiliency.yaml).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(chain.greet().isFallback()).isTrue();
            assertThat(SidecarMetrics.breakerIs(chain, "open")).as("comms' sidecar's breaker towards greeter is open").isTrue();
        });
        Answer whileOpen = chain.greet();
        assertThat(whileOpen.isFallback()).as(whileOpen.body()).isTrue();
        assertThat(chain.comms.log()).contains("greeter unavailable, answering with the fallback greeting");

        chain.greeter.start().awaitReady(Chain.READY_TIMEOUT);
        Duration back = chain.awaitGreetersGreeting(BACK_WITHIN);
        System.out.printf("greeter's greeting back %d ms after greeter was ready%n", back.toMillis());
    }
}
