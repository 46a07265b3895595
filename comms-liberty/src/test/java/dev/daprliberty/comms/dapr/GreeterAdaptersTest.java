package dev.daprliberty.comms.dapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daprliberty.comms.SidecarStandIn;
import dev.daprliberty.comms.SidecarStandIn.Received;
import dev.daprliberty.comms.greeter.Greeter;
import dev.daprliberty.comms.greeter.GreeterUnavailableException;
import java.net.URI;
import java.time.Duration;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Greeter port's contract, for each adapter, against a stand-in for the Dapr sidecar. */
class GreeterAdaptersTest {

    private final SidecarStandIn sidecar = SidecarStandIn.start();
    private Greeter greeter;

    @AfterEach
    void stop() throws Exception {
        AdapterUnderTest.closeAll();
        sidecar.close();
    }

    private static final GreetRequest ADA = new GreetRequest("Ada");

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void invokesGreeterThroughTheSidecarsInvokeApi(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri());

        GreetResponse answer = greeter.greet(ADA);

        assertThat(answer).isEqualTo(new GreetResponse("Hello, Ada!", "greeter", Instant.parse("2026-03-01T10:15:30.123456Z"), null));
        Received invocation = sidecar.received().get(0);
        assertThat(invocation.call()).isEqualTo("POST /v1.0/invoke/greeter/method/greet");
        assertThat(invocation.header("Content-Type")).startsWith("application/json");
        assertThat(invocation.body()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void sendsUnicodeNamesAsGiven(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri());

        greeter.greet(new GreetRequest("Zoë 李 🚀"));

        assertThat(sidecar.received().get(0).body()).isEqualTo("{\"name\":\"Zoë 李 🚀\"}");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void invokesTheConfiguredAppId(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri(), "greeter-blue", null, Duration.ofSeconds(5));

        greeter.greet(ADA);

        assertThat(sidecar.received().get(0).path()).isEqualTo("/v1.0/invoke/greeter-blue/method/greet");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void sendsTheApiTokenWhenOneIsConfigured(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri(), "greeter", "s3cr3t", Duration.ofSeconds(5));

        greeter.greet(ADA);

        assertThat(sidecar.received().get(0).header("dapr-api-token")).isEqualTo("s3cr3t");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void sendsNoApiTokenByDefault(AdapterUnderTest adapter) {
        greeter = adapter.create(sidecar.uri());

        greeter.greet(ADA);

        assertThat(sidecar.received().get(0).headers()).doesNotContainKey("dapr-api-token");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void reportsGreeterErrorsAsUnavailable(AdapterUnderTest adapter) {
        sidecar.answering(503, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"greeter is down\"}");
        greeter = adapter.create(sidecar.uri());

        assertThatThrownBy(() -> greeter.greet(ADA))
                .isInstanceOf(GreeterUnavailableException.class)
                .hasMessageContaining("HTTP 503");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void reportsAnUnreachableSidecarAsUnavailable(AdapterUnderTest adapter) {
        URI nobody = URI.create("http://127.0.0.1:" + SidecarStandIn.closedPort());
        greeter = adapter.create(nobody);

        assertThatThrownBy(() -> greeter.greet(ADA))
                .isInstanceOf(GreeterUnavailableException.class)
                .hasMessageContaining("no answer from the Dapr sidecar at " + nobody)
                .hasMessageContaining("ConnectException");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void givesUpOnASlowAnswerAfterItsTimeout(AdapterUnderTest adapter) {
        sidecar.delaying(Duration.ofSeconds(4));
        greeter = adapter.create(sidecar.uri(), "greeter", null, Duration.ofMillis(500));
        long start = System.nanoTime();

        assertThatThrownBy(() -> greeter.greet(ADA)).isInstanceOf(GreeterUnavailableException.class);

        // The SDK counts its read timeout in whole seconds, so allow it up to 1 s (+ margin).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }
}
