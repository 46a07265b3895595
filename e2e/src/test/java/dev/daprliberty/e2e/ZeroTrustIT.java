package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zero trust, enforced by the sidecars with the cluster's own access control policy (deny by default; only app
 * comms of namespace dapr-services may call greeter's POST /greet) and mTLS identities from a real Sentry. The calls
 * are made through a sidecar's invoke API, as an app would make them.
 */
class ZeroTrustIT {

    private static final String GREET = "{\"name\":\"Ada\"}";

    @RegisterExtension
    static final OwnChain OWN = new OwnChain("zero-trust", Chain.Options.adapter("rest-client"));

    private final Chain chain = OWN.chain();

    @Test
    void commsMayPostGreet() {
        Answer answer = invokeGreeter(chain.commsSidecarHttpPort(), "POST", "greet");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("service").asText()).isEqualTo("greeter");
        assertThat(chain.greet().isGreetersGreeting()).isTrue();
    }

    /**
     * Each case through a new sidecar with comms' identity: comms' sidecar counts a denied call as a failure of
     * greeter, and five in a row open its circuit breaker (then it answers "circuit breaker is open" itself).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, greet", "PUT, greet", "DELETE, greet", "PATCH, greet", "POST, other", "GET, health/ready",
        "POST, health/ready"})
    void everyOtherVerbAndPathFromCommsIsDenied(String verb, String method) {
        double delivered = SidecarMetrics.greetsDelivered(chain);
        try (ManagedProcess asComms = chain.extraSidecar("comms", true)) {
            asComms.start().awaitReady(Chain.READY_TIMEOUT);

            assertDenied(invokeGreeter(asComms.readiness().getPort(), verb, method), "comms");
        }
        assertThat(SidecarMetrics.greetsDelivered(chain)).isEqualTo(delivered);
    }

    @Test
    void anyOtherAppIdIsDenied() {
        try (ManagedProcess intruder = chain.extraSidecar("intruder", true)) {
            intruder.start().awaitReady(Chain.READY_TIMEOUT);

            assertDenied(invokeGreeter(intruder.readiness().getPort(), "POST", "greet"), "intruder");
        }
    }

    @Test
    void aSidecarWithoutMtlsCannotReachGreetersSidecarEvenNamedComms() {
        double delivered = SidecarMetrics.greetsDelivered(chain);
        try (ManagedProcess plain = chain.extraSidecar("comms", false)) {
            plain.start().awaitReady(Chain.READY_TIMEOUT);

            Answer answer = invokeGreeter(plain.readiness().getPort(), "POST", "greet");

            assertThat(answer.status()).as(answer.body()).isEqualTo(500);
            assertThat(answer.body()).contains("ERR_DIRECT_INVOKE");
        }
        assertThat(SidecarMetrics.greetsDelivered(chain)).isEqualTo(delivered);
    }

    @Test
    void commsAnswersItsFallbackAndLogsWhyWhenItsSidecarIsDeniedOrHasNoMtls() {
        try (ManagedProcess intruder = chain.extraSidecar("intruder", true);
                ManagedProcess plain = chain.extraSidecar("comms", false)) {
            List.of(intruder, plain).parallelStream().forEach(sidecar -> sidecar.start().awaitReady(Chain.READY_TIMEOUT));
            try (ManagedProcess denied = chain.extraComms("comms-as-intruder", intruder.readiness().getPort(), Map.of());
                    ManagedProcess unencrypted = chain.extraComms("comms-without-mtls", plain.readiness().getPort(), Map.of())) {
                List.of(denied, unencrypted).parallelStream().forEach(comms -> comms.start().awaitReady(Chain.READY_TIMEOUT));

                assertFallbackLoggedWith(denied, "HTTP 403");
                assertFallbackLoggedWith(unencrypted, "HTTP 500");
            }
        }
    }

    private static void assertFallbackLoggedWith(ManagedProcess comms, String reason) {
        Answer answer = Answer.post(comms.readiness().resolve("/greet"), GREET, Map.of());
        assertThat(answer.isFallback()).as(answer.body()).isTrue();
        List<String> why = comms.log().lines()
                .filter(line -> line.contains("greeter unavailable, answering with the fallback greeting")).toList();
        assertThat(why).hasSize(1);
        assertThat(why.get(0)).contains(reason);
        System.out.printf("%s answered %s and logged: %s%n", comms.name(), answer.body(), why.get(0));
    }

    private static void assertDenied(Answer answer, String appId) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("PermissionDenied")
                .contains("access control policy has denied access to id: spiffe://public/ns/"
                        + LocalTopology.clusterNamespace() + "/" + appId);
        System.out.printf("denied: %s%n", answer.body());
    }

    /** A call to greeter's {@code method} through the sidecar listening on {@code daprHttpPort}. */
    private static Answer invokeGreeter(int daprHttpPort, String verb, String method) {
        return Answer.request(verb, URI.create("http://localhost:" + daprHttpPort + "/v1.0/invoke/greeter/method/" + method), GREET);
    }
}
