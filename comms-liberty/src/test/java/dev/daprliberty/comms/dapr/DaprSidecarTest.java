package dev.daprliberty.comms.dapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the sidecar is: Dapr's own variables DAPR_HTTP_ENDPOINT, DAPR_HTTP_PORT and DAPR_API_TOKEN. */
class DaprSidecarTest {

    @Test
    void listensOnLocalhostAtTheHttpPortByDefault() {
        assertThat(DaprSidecar.of(Optional.empty(), 3500, Optional.empty()).endpoint())
                .isEqualTo(URI.create("http://localhost:3500"));
    }

    @Test
    void aWholeEndpointWinsOverThePort() {
        DaprSidecar sidecar = DaprSidecar.of(Optional.of("https://dapr.example:443"), 3500, Optional.empty());

        assertThat(sidecar.endpoint()).isEqualTo(URI.create("https://dapr.example:443"));
    }

    @Test
    void aBlankEndpointOrTokenCountsAsUnset() {
        DaprSidecar sidecar = DaprSidecar.of(Optional.of(" "), 3600, Optional.of(""));

        assertThat(sidecar.endpoint()).isEqualTo(URI.create("http://localhost:3600"));
        assertThat(sidecar.apiToken()).isEmpty();
    }

    @Test
    void rejectsAnEndpointThatIsNoAbsoluteUrl() {
        assertThatThrownBy(() -> DaprSidecar.of(Optional.of("localhost:3500"), 3500, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DAPR_HTTP_ENDPOINT")
                .hasMessageContaining("http://localhost:3500");
    }
}
