package dev.daprliberty.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microshed.testing.jupiter.MicroShedTest;

/** MicroProfile Health endpoints for Kubernetes probes (and /health for the seed article's probes). */
@MicroShedTest
class HealthIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/health", "/health/live", "/health/ready", "/health/started"})
    void reportsUpWithTheGreeterCheck(String path) {
        HttpResponse<String> response = GreeterHttp.send(HttpRequest.newBuilder(GreeterHttp.uri(path)).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject health = GreeterHttp.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> assertThat(check.getString("name")).isEqualTo("greeter"));
    }
}
