package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daprliberty.comms.greeter.ResilientGreeter;
import dev.daprliberty.greeting.wire.GreetRequest;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * comms' microprofile-config.properties as MicroProfile Config resolves it with an environment on top: where
 * the sidecar is (Dapr's own variables), and the one budget every wait for greeter takes.
 */
class CommsConfigTest {

    private static final String SIDECAR_URL = "dapr-sidecar/mp-rest/url";

    private static SmallRyeConfig withEnvironment(Map<String, String> environment) throws IOException {
        URL defaults = Path.of("src/main/resources/META-INF/microprofile-config.properties").toUri().toURL();
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(defaults, 100), new EnvConfigSource(environment, 300))
                .build();
    }

    @Test
    void theSidecarListensOnLocalhostAtDaprsHttpPort() throws IOException {
        assertThat(withEnvironment(Map.of()).getValue(SIDECAR_URL, String.class)).isEqualTo("http://localhost:3500");
        assertThat(withEnvironment(Map.of("DAPR_HTTP_PORT", "3600")).getValue(SIDECAR_URL, String.class))
                .isEqualTo("http://localhost:3600");
    }

    @Test
    void aWholeEndpointWinsOverThePort() throws IOException {
        SmallRyeConfig config = withEnvironment(Map.of("DAPR_HTTP_ENDPOINT", "https://dapr.example:443", "DAPR_HTTP_PORT", "3600"));

        assertThat(config.getValue(SIDECAR_URL, String.class)).isEqualTo("https://dapr.example:443");
    }

    @Test
    void anEmptyTokenCountsAsUnset() throws IOException {
        assertThat(withEnvironment(Map.of("DAPR_API_TOKEN", "")).getOptionalValue("dapr.api.token", String.class)).isEmpty();
    }

    /** Liberty cannot inject an empty URL, so the application does not start: set a whole URL or nothing. */
    @Test
    void anEmptyEndpointLeavesNoSidecarUrl() throws IOException {
        SmallRyeConfig config = withEnvironment(Map.of("DAPR_HTTP_ENDPOINT", ""));

        assertThatThrownBy(() -> config.getValue(SIDECAR_URL, String.class))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(SIDECAR_URL);
    }

    @Test
    void theApiTokenComesFromDaprsVariable() throws IOException {
        assertThat(withEnvironment(Map.of("DAPR_API_TOKEN", "s3cr3t")).getOptionalValue("dapr.api.token", String.class))
                .hasValue("s3cr3t");
    }

    @Test
    void everyWaitForGreeterIsTheOneBudget() throws Exception {
        SmallRyeConfig config = withEnvironment(Map.of("GREETER_TIMEOUT_MILLIS", "1500"));
        String timeoutKey = ResilientGreeter.class.getName() + "/"
                + ResilientGreeter.class.getMethod("greet", GreetRequest.class).getName() + "/Timeout/value";

        assertThat(config.getValue(timeoutKey, Long.class)).isEqualTo(1500);
        assertThat(config.getValue("dapr-sidecar/mp-rest/connectTimeout", Long.class)).isEqualTo(1500);
        assertThat(config.getValue("dapr-sidecar/mp-rest/readTimeout", Long.class)).isEqualTo(1500);
    }

    @Test
    void theAdapterAndAppIdHaveDefaultsTheEnvironmentOverrides() throws IOException {
        assertThat(withEnvironment(Map.of()).getValue("greeter.adapter", String.class)).isEqualTo("rest-client");
        SmallRyeConfig config = withEnvironment(Map.of("GREETER_ADAPTER", "dapr-sdk", "GREETER_APP_ID", "greeter-blue"));

        assertThat(config.getValue("greeter.adapter", String.class)).isEqualTo("dapr-sdk");
        assertThat(config.getValue("greeter.app-id", String.class)).isEqualTo("greeter-blue");
    }
}
