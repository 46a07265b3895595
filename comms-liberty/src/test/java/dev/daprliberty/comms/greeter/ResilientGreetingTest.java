package dev.daprliberty.comms.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.comms.SidecarStandIn;
import dev.daprliberty.comms.dapr.AdapterUnderTest;
import dev.daprliberty.comms.dapr.DaprSidecar;
import dev.daprliberty.greeting.wire.GreetResponse;
import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault-tolerance behaviour of the greeting, on the real annotations (CDI with SmallRye Fault Tolerance
 * and Config) and both real adapters against a stand-in for the Dapr sidecar. The budget is 500 ms here
 * (src/test/resources/META-INF/microprofile-config.properties), so the @Timeout tests also prove that
 * greeter.timeout-millis reaches Fault Tolerance.
 */
@EnableWeld
class ResilientGreetingTest {

    private static final Duration BUDGET = Duration.ofMillis(500);
    private static final GreetResponse FALLBACK =
            new GreetResponse("Hello, Ada (from fallback)!", "comms", null, "greeter_service_unavailable");

    private Greeter greeter;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .beanClasses(ResilientGreeting.class, GreeterFallback.class)
                    .addExtensions(new FaultToleranceExtension(), new ConfigExtension()))
            .addBeans(MockBean.builder().types(Greeter.class).scope(ApplicationScoped.class).create(context -> greeter).build())
            .build();

    @Inject
    ResilientGreeting greeting;

    private final SidecarStandIn sidecar = SidecarStandIn.start();
    private final LogCapture log = new LogCapture(GreeterFallback.class);

    @AfterEach
    void stop() {
        AdapterUnderTest.close(greeter);
        sidecar.close();
        log.close();
    }

    /** The adapter as GreeterAdapters builds it, with a client timeout the test chooses. */
    private void greeterAt(AdapterUnderTest adapter, URI sidecarUri, Duration clientTimeout) {
        greeter = adapter.create(new DaprSidecar(sidecarUri, Optional.empty()), "greeter", clientTimeout);
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void passesGreetersAnswerOn(AdapterUnderTest adapter) {
        greeterAt(adapter, sidecar.uri(), BUDGET);

        assertThat(greeting.greet("Ada")).isEqualTo(new GreetResponse("Hello, Ada!", "greeter",
                Instant.parse("2026-03-01T10:15:30.123456Z"), null));
        assertThat(log.records()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void fallsBackWhenGreeterAnswersWithAServerError(AdapterUnderTest adapter) {
        sidecar.answering(500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"boom\"}");
        greeterAt(adapter, sidecar.uri(), BUDGET);

        assertThat(greeting.greet("Ada")).isEqualTo(FALLBACK);
        assertOneWarningNaming("HTTP 500");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void fallsBackWhenNoSidecarListens(AdapterUnderTest adapter) {
        greeterAt(adapter, URI.create("http://127.0.0.1:" + SidecarStandIn.closedPort()), BUDGET);

        assertThat(greeting.greet("Ada")).isEqualTo(FALLBACK);
        assertOneWarningNaming("ConnectException");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void fallsBackWhenGreeterIsSlowerThanTheBudget(AdapterUnderTest adapter) {
        sidecar.delaying(Duration.ofSeconds(3));
        greeterAt(adapter, sidecar.uri(), BUDGET);
        long start = System.nanoTime();

        assertThat(greeting.greet("Ada")).isEqualTo(FALLBACK);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(log.records()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = AdapterUnderTest.class, names = "DAPR_SDK")
    void theBudgetComesFromConfigurationNotFromTheClient(AdapterUnderTest adapter) {
        // The client alone would wait 10 s; only the configured @Timeout of 500 ms can end the call this early.
        sidecar.delaying(Duration.ofSeconds(3));
        greeterAt(adapter, sidecar.uri(), Duration.ofSeconds(10));
        long start = System.nanoTime();

        assertThat(greeting.greet("Ada")).isEqualTo(FALLBACK);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertOneWarningNaming("TimeoutException");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void opensTheCircuitWhenHalfOfTwentyCallsFailed(AdapterUnderTest adapter) {
        sidecar.answering(503, "");
        greeterAt(adapter, sidecar.uri(), BUDGET);

        for (int call = 1; call <= 25; call++) {
            assertThat(greeting.greet("Ada")).isEqualTo(FALLBACK);
        }

        assertThat(sidecar.received()).as("calls that reached the sidecar").hasSize(20);
        assertThat(last(log).getMessage()).contains("CircuitBreakerOpenException");
    }

    private void assertOneWarningNaming(String cause) {
        assertThat(log.records()).hasSize(1);
        LogRecord warning = log.records().get(0);
        assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
        assertThat(warning.getMessage())
                .startsWith("greeter unavailable, answering with the fallback greeting; cause: ")
                .contains(cause)
                .doesNotContain("\n");
    }

    private static LogRecord last(LogCapture capture) {
        return capture.records().get(capture.records().size() - 1);
    }
}
