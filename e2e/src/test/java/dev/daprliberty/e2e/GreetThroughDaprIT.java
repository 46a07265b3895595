package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /greet on comms answers greeter's greeting, carried by the two real sidecars, with either adapter. */
@ExtendWith(SharedChains.Resolver.class)
class GreetThroughDaprIT {

    @ParameterizedTest(name = "comms with the {0} adapter")
    @ValueSource(strings = {"rest-client", "dapr-sdk"})
    void greetAnswersGreetersGreetingDeliveredByGreetersSidecar(String adapter, SharedChains chains) {
        Chain chain = chains.of(adapter);
        double delivered = SidecarMetrics.greetsDelivered(chain);

        Answer answer = chain.greet("{\"name\":\"Zoë 山田\"}", Map.of());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode greeting = answer.json();
        assertThat(greeting.path("message").asText()).isEqualTo("Hello, Zoë 山田!");
        assertThat(greeting.path("service").asText()).isEqualTo("greeter");
        assertThat(Instant.parse(greeting.path("timestamp").asText())).isBefore(Instant.now());
        assertThat(greeting.has("error")).isFalse();
        assertThat(SidecarMetrics.greetsDelivered(chain)).as("calls greeter's sidecar passed on to greeter")
                .isEqualTo(delivered + 1);
    }
}
