package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.greeting.contract.ServiceHttp;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microshed.testing.jupiter.MicroShedTest;

/** MicroProfile Health on the real server: started and alive on its own, ready only with a reachable sidecar. */
@MicroShedTest
class HealthIT {

    private final ServiceHttp comms = CommsServer.REST_CLIENT.http();

    @ParameterizedTest
    @ValueSource(strings = {"/health/live", "/health/started"})
    void startedAndAliveWithoutASidecar(String path) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(response).getString("status")).isEqualTo("UP");
    }

    @Test
    void notReadyWhileNoSidecarAnswers() {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject check = sidecarCheck(response);
        assertThat(check.getString("status")).isEqualTo("DOWN");
        assertThat(check.getJsonObject("data").getString("error")).startsWith("the Dapr sidecar does not answer");
    }

    @Test
    void readyWhenTheSidecarAnswers() {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            sidecar.answering(204, "");

            HttpResponse<String> response = get("/health/ready");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(sidecarCheck(response).getJsonObject("data").getInt("outbound")).isEqualTo(204);
            assertThat(sidecar.received()).extracting(SidecarStandIn.Received::path).contains("/v1.0/healthz/outbound");
        }
    }

    @Test
    void allChecksAtHealth() {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            sidecar.answering(204, "");

            HttpResponse<String> response = get("/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ServiceHttp.json(response).getJsonArray("checks").getValuesAs(JsonObject.class))
                    .extracting(check -> check.getString("name"))
                    .contains("comms", "dapr-sidecar");
        }
    }

    private HttpResponse<String> get(String path) {
        return comms.send(HttpRequest.newBuilder(comms.uri(path)).GET());
    }

    private static JsonObject sidecarCheck(HttpResponse<String> response) {
        return ServiceHttp.json(response).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "dapr-sidecar".equals(check.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no dapr-sidecar check in " + response.body()));
    }
}
