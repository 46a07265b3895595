package dev.daprliberty.comms.dapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daprliberty.comms.greeter.Greeter;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** greeter.adapter (GREETER_ADAPTER) chooses the adapter behind the Greeter port. */
class GreeterAdapterSelectionTest {

    private final GreeterAdapters adapters = new GreeterAdapters();
    private final DaprSidecar sidecar = new DaprSidecar(URI.create("http://127.0.0.1:3500"), Optional.empty());

    @Test
    void restClientIsTheRestClientAdapter() throws Exception {
        Greeter greeter = adapters.greeter(sidecar, AdapterUnderTest.W3C_ONLY, "rest-client", "greeter", 2000);

        assertThat(greeter).isInstanceOf(RestClientGreeter.class);
        adapters.close(greeter);
    }

    @Test
    void daprSdkIsTheDaprSdkAdapter() throws Exception {
        Greeter greeter = adapters.greeter(sidecar, AdapterUnderTest.W3C_ONLY, "dapr-sdk", "greeter", 2000);

        assertThat(greeter).isInstanceOf(DaprSdkGreeter.class);
        adapters.close(greeter);
    }

    @Test
    void anUnknownNameSaysWhichNamesExist() {
        assertThatThrownBy(() -> adapters.greeter(sidecar, AdapterUnderTest.W3C_ONLY, "grpc", "greeter", 2000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("greeter.adapter (GREETER_ADAPTER) must be one of rest-client, dapr-sdk, not 'grpc'");
    }
}
