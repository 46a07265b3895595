package dev.daprliberty.comms.dapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daprliberty.comms.SidecarStandIn;
import dev.daprliberty.comms.SidecarStandIn.Received;
import dev.daprliberty.comms.greeter.Greeter;
import dev.daprliberty.comms.greeter.GreeterReply;
import dev.daprliberty.comms.greeter.GreeterUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Greeter port's contract, for each adapter, against a stand-in for the Dapr sidecar. */
class GreeterAdaptersTest {

    private final SidecarStandIn sidecar = SidecarStandIn.start();
    private Greeter greeter;

    @AfterEach
    void stop() {
        if (greeter != null) {
            AdapterUnderTest.close(greeter);
        }
        sidecar.close();
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void invokesGreeterThroughTheSidecarsInvokeApi(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri());

        GreeterReply reply = greeter.greet("Ada");

        assertThat(reply.greeting().message()).isEqualTo("Hello, Ada!");
        assertThat(reply.service()).isEqualTo("greeter");
        assertThat(reply.greetedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
        Received invocation = sidecar.received().get(0);
        assertThat(invocation.call()).isEqualTo("POST /v1.0/invoke/greeter/method/greet");
        assertThat(invocation.header("Content-Type")).startsWith("application/json");
        assertThat(invocation.body()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void sendsUnicodeNamesAsGiven(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri());

        greeter.greet("Zoë 李 🚀");

        assertThat(sidecar.received().get(0).body()).isEqualTo("{\"name\":\"Zoë 李 🚀\"}");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void invokesTheConfiguredAppId(AdapterUnderTest adapter) {
        greeter = adapter.create(new DaprSidecar(sidecar.uri(), Optional.empty()), "greeter-blue", Duration.ofSeconds(5));

        greeter.greet("Ada");

        assertThat(sidecar.received().get(0).path()).isEqualTo("/v1.0/invoke/greeter-blue/method/greet");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void sendsTheApiTokenWhenOneIsConfigured(AdapterUnderTest adapter) {
        greeter = adapter.create(new DaprSidecar(sidecar.uri(), Optional.of("s3cr3t")), "greeter", Duration.ofSeconds(5));

        greeter.greet("Ada");

        assertThat(sidecar.received().get(0).header("dapr-api-token")).isEqualTo("s3cr3t");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void sendsNoApiTokenByDefault(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri());

        greeter.greet("Ada");

        assertThat(sidecar.received().get(0).headers()).doesNotContainKey("dapr-api-token");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void reportsGreeterErrorsAsUnavailable(AdapterUnderTest adapter) {
        sidecar.answering(503, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"greeter is down\"}");
        greeter = adapter.create(sidecar.uri());

        assertThatThrownBy(() -> greeter.greet("Ada"))
                .isInstanceOf(GreeterUnavailableException.class)
                .hasMessageContaining("HTTP 503");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void reportsAnUnreachableSidecarAsUnavailable(AdapterUnderTest adapter) {
        URI nobody = URI.create("http://127.0.0.1:" + SidecarStandIn.closedPort());
        greeter = adapter.create(nobody);

        assertThatThrownBy(() -> greeter.greet("Ada"))
                .isInstanceOf(GreeterUnavailableException.class)
                .hasMessageContaining("no answer from the Dapr sidecar at " + nobody)
                .hasMessageContaining("ConnectException");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void givesUpOnASlowAnswerAfterItsTimeout(AdapterUnderTest adapter) {
        sidecar.delaying(Duration.ofSeconds(4));
        greeter = adapter.create(new DaprSidecar(sidecar.uri(), Optional.empty()), "greeter", Duration.ofMillis(500));
        long start = System.nanoTime();

        assertThatThrownBy(() -> greeter.greet("Ada")).isInstanceOf(GreeterUnavailableException.class);

        // The SDK counts its read timeout in whole seconds, so allow it up to 1 s (+ margin).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void reportsAnAnswerThatIsNoGreetingAsUnavailable(AdapterUnderTest adapter) {
        sidecar.answering(200, "{\"unexpected\":true}");
        greeter = adapter.create(sidecar.uri());

        assertThatThrownBy(() -> greeter.greet("Ada"))
                .isInstanceOf(GreeterUnavailableException.class)
                .hasMessageContaining("without message, service or timestamp");
    }
}
