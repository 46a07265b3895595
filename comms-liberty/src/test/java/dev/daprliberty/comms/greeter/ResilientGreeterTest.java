package dev.daprliberty.comms.greeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daprliberty.comms.SidecarStandIn;
import dev.daprliberty.comms.dapr.AdapterUnderTest;
import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault-tolerance behaviour of the greeting, on the real annotations (CDI with SmallRye Fault Tolerance
 * and Config, which read the values from microprofile-config.properties) and both real adapters against a
 * stand-in for the Dapr sidecar. The budget is 500 ms here (src/test/resources/META-INF/microprofile-config.properties).
 */
@EnableWeld
class ResilientGreeterTest {

    /** The budget of the test configuration, which Liberty also gives the REST Client as its timeouts. */
    private static final Duration BUDGET = Duration.ofMillis(500);
    private static final GreetRequest ADA = new GreetRequest("Ada");
    private static final GreetResponse FALLBACK =
            new GreetResponse("Hello, Ada (from fallback)!", "comms", null, "greeter_service_unavailable");

    private Greeter adapter;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .beanClasses(ResilientGreeter.class, GreeterFallback.class)
                    .addExtensions(new FaultToleranceExtension(), new ConfigExtension()))
            .addBeans(adapterBean("rest-client"), adapterBean("dapr-sdk"))
            .build();

    @Inject
    ResilientGreeter greeter;

    @Inject
    @Any
    Instance<Greeter> adapters;

    private final SidecarStandIn sidecar = SidecarStandIn.start();
    private final LogCapture log = new LogCapture(GreeterFallback.class);

    /** An adapter bean named as greeter.adapter names it, delegating to the adapter the test chose. */
    private MockBean<Greeter> adapterBean(String name) {
        return MockBean.<Greeter>builder().types(Greeter.class).qualifiers(NamedLiteral.of(name)).scope(ApplicationScoped.class)
                .create(context -> request -> adapter.greet(request)).build();
    }

    @AfterEach
    void stop() throws Exception {
        AdapterUnderTest.closeAll();
        sidecar.close();
        log.close();
    }

    /** The adapter as Liberty builds it, with the client timeouts the test chooses. */
    private void adapterAt(AdapterUnderTest kind, URI sidecarUri, Duration clientTimeout) {
        adapter = kind.create(sidecarUri, "greeter", null, clientTimeout);
    }

    private void adapterAt(AdapterUnderTest kind, URI sidecarUri) {
        adapterAt(kind, sidecarUri, BUDGET);
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void passesGreetersAnswerOn(AdapterUnderTest kind) {
        adapterAt(kind, sidecar.uri());

        assertThat(greeter.greet(ADA)).isEqualTo(new GreetResponse("Hello, Ada!", "greeter",
                Instant.parse("2026-03-01T10:15:30.123456Z"), null));
        assertThat(log.records()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void fallsBackWhenGreeterAnswersWithAServerError(AdapterUnderTest kind) {
        sidecar.answering(500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"boom\"}");
        adapterAt(kind, sidecar.uri());

        assertThat(greeter.greet(ADA)).isEqualTo(FALLBACK);
        assertOneWarningNaming("HTTP 500");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void fallsBackWhenNoSidecarListens(AdapterUnderTest kind) {
        adapterAt(kind, URI.create("http://127.0.0.1:" + SidecarStandIn.closedPort()));

        assertThat(greeter.greet(ADA)).isEqualTo(FALLBACK);
        assertOneWarningNaming("ConnectException");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void fallsBackWhenTheAnswerIsNoGreeting(AdapterUnderTest kind) {
        sidecar.answering(200, "{\"unexpected\":true}");
        adapterAt(kind, sidecar.uri());

        assertThat(greeter.greet(ADA)).isEqualTo(FALLBACK);
        assertOneWarningNaming("without message, service or timestamp");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void fallsBackWhenGreeterIsSlowerThanTheBudget(AdapterUnderTest kind) {
        sidecar.delaying(Duration.ofSeconds(3));
        adapterAt(kind, sidecar.uri());
        long start = System.nanoTime();

        assertThat(greeter.greet(ADA)).isEqualTo(FALLBACK);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(log.records()).hasSize(1);
    }

    /** Only the Dapr SDK's call stops when Fault Tolerance interrupts it; the REST Client's ends at its own timeout. */
    @ParameterizedTest
    @EnumSource(value = AdapterUnderTest.class, names = "DAPR_SDK")
    void theBudgetComesFromConfigurationNotFromTheClient(AdapterUnderTest kind) {
        // The client alone would wait 10 s; only the configured @Timeout of 500 ms can end the call this early.
        sidecar.delaying(Duration.ofSeconds(3));
        adapterAt(kind, sidecar.uri(), Duration.ofSeconds(10));
        long start = System.nanoTime();

        assertThat(greeter.greet(ADA)).isEqualTo(FALLBACK);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertOneWarningNaming("TimeoutException");
    }

    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void opensTheCircuitWhenHalfOfTenCallsRanOutOfTime(AdapterUnderTest kind) {
        sidecar.delaying(Duration.ofSeconds(3));
        adapterAt(kind, sidecar.uri());

        for (int call = 1; call <= 13; call++) {
            assertThat(greeter.greet(ADA)).isEqualTo(FALLBACK);
        }

        assertThat(sidecar.received()).as("calls that reached the sidecar").hasSize(10);
        assertThat(last(log).getMessage()).contains("CircuitBreakerOpenException");
    }

    /** Answered failures (Dapr's breaker, a denial, greeter down) cost no waiting: Dapr's breaker handles them. */
    @ParameterizedTest
    @EnumSource(AdapterUnderTest.class)
    void answeredFailuresLeaveTheCircuitClosed(AdapterUnderTest kind) {
        sidecar.answering(500, "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"circuit breaker is open\"}");
        adapterAt(kind, sidecar.uri());

        for (int call = 1; call <= 25; call++) {
            assertThat(greeter.greet(ADA)).isEqualTo(FALLBACK);
        }

        assertThat(sidecar.received()).as("calls that reached the sidecar").hasSize(25);
        assertThat(log.records()).allSatisfy(record -> assertThat(record.getMessage()).contains("HTTP 500"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest-client", "dapr-sdk", " dapr-sdk "})
    void greeterAdapterNamesTheAdapterBean(String name) {
        Greeter chosen = ResilientGreeter.adapterNamed(name, adapters);

        assertThat(chosen).isSameAs(adapters.select(NamedLiteral.of(name.strip())).get());
    }

    @Test
    void anUnknownAdapterNameSaysWhichNamesExist() {
        assertThatThrownBy(() -> ResilientGreeter.adapterNamed("grpc", adapters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("greeter.adapter (GREETER_ADAPTER) must be one of rest-client, dapr-sdk, not 'grpc'");
    }

    @Test
    void aSidecarUrlThatIsNoAbsoluteUrlIsRejectedWithTheFix() {
        assertThatThrownBy(() -> ResilientGreeter.checkSidecarUrl("localhost:3500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DAPR_HTTP_ENDPOINT")
                .hasMessageContaining("http://localhost:3500");
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
