package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sidecars that require a Dapr API token (DAPR_API_TOKEN): comms with the same token greets through them; a comms
 * with a wrong token answers its fallback and logs why, in one line.
 */
class ApiTokenIT {

    private static final String TOKEN = "e2e-token-" + System.nanoTime();

    @RegisterExtension
    static final OwnChain OWN = new OwnChain("api-token", Chain.Options.adapter("rest-client").apiTokens(TOKEN, TOKEN));

    private final Chain chain = OWN.chain();

    @Test
    void commsWithTheSidecarsTokenGreetsThroughThem() {
        Answer answer = chain.greet();

        assertThat(answer.isGreetersGreeting()).as(answer.body()).isTrue();
    }

    @Test
    void commsWithAWrongTokenFallsBackAndLogsWhyInOneLine() {
        try (ManagedProcess wrongToken = chain.extraComms("comms-wrong-token", chain.commsSidecarHttpPort(), Map.of("DAPR_API_TOKEN", "not-" + TOKEN))) {
            wrongToken.start().awaitReady(Chain.READY_TIMEOUT);

            Answer answer = Answer.post(greetUrlOf(wrongToken), "{\"name\":\"Ada\"}", Map.of());

            assertThat(answer.isFallback()).as(answer.body()).isTrue();
            List<String> why = wrongToken.log().lines()
                    .filter(line -> line.contains("greeter unavailable, answering with the fallback greeting")).toList();
            assertThat(why).hasSize(1);
            assertThat(why.get(0)).contains("401");
        }
        assertThat(chain.greet().isGreetersGreeting()).as("the right token still greets").isTrue();
    }

    private static java.net.URI greetUrlOf(ManagedProcess comms) {
        return comms.readiness().resolve("/greet");
    }
}
