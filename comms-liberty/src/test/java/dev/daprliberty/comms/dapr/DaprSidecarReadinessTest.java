package dev.daprliberty.comms.dapr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.comms.SidecarStandIn;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/** Readiness is DOWN only while the sidecar (stand-in) does not answer at all. */
class DaprSidecarReadinessTest {

    @Test
    void upWhenTheSidecarIsReadyForOutboundCalls() {
        try (SidecarStandIn sidecar = SidecarStandIn.start().answering(204, "")) {
            HealthCheckResponse response = checkAt(sidecar.uri());

            assertThat(response.getName()).isEqualTo("dapr-sidecar");
            assertThat(response.getStatus()).isEqualTo(Status.UP);
            assertThat(response.getData().orElseThrow()).containsEntry("outbound", 204L);
            assertThat(sidecar.received().get(0).path()).isEqualTo("/v1.0/healthz/outbound");
        }
    }

    @Test
    void upWhileTheSidecarAnswersNotReady() {
        try (SidecarStandIn sidecar = SidecarStandIn.start().answering(500, "")) {
            HealthCheckResponse response = checkAt(sidecar.uri());

            assertThat(response.getStatus()).isEqualTo(Status.UP);
            assertThat(response.getData().orElseThrow()).containsEntry("outbound", 500L);
        }
    }

    @Test
    void downWhileNoSidecarAnswers() {
        URI nobody = URI.create("http://127.0.0.1:" + SidecarStandIn.closedPort());

        HealthCheckResponse response = checkAt(nobody);

        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("endpoint", nobody.toString())
                .hasEntrySatisfying("error", error -> assertThat((String) error).startsWith("the Dapr sidecar does not answer"));
    }

    private static HealthCheckResponse checkAt(URI sidecar) {
        try (DaprSidecarApi api = AdapterUnderTest.sidecarApi(sidecar, Duration.ofMillis(800))) {
            return new DaprSidecarReadiness(api, sidecar.toString()).call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
