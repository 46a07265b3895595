package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.microshed.testing.jupiter.MicroShedTest;

/** MicroProfile Health on the real server: started and alive on its own, ready only with a reachable sidecar. */
@MicroShedTest
class HealthIT {

    private final CommsServer comms = CommsServer.REST_CLIENT;

    @ParameterizedTest
    @ValueSource(strings = {"/health/live", "/health/started"})
    void startedAndAliveWithoutASidecar(String path) {
        CommsServer.assertNoSidecarListens();

        HttpResponse<String> response = comms.get(path);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(checks(response)).singleElement().satisfies(check -> {
            assertThat(check.getString("name")).isEqualTo("comms");
            assertThat(check.getString("status")).isEqualTo("UP");
        });
    }

    @Test
    void notReadyWhileNoSidecarAnswers() {
        CommsServer.assertNoSidecarListens();

        HttpResponse<String> response = comms.get("/health/ready");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        JsonObject check = sidecarCheck(response);
        assertThat(check.getString("status")).isEqualTo("DOWN");
        assertThat(check.getJsonObject("data").getString("error")).startsWith("the Dapr sidecar does not answer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/health/ready, dapr-sidecar", "/health, comms dapr-sidecar"})
    void upWhenTheSidecarAnswers(String path, String checkNames) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            sidecar.answering(204, "");

            HttpResponse<String> response = comms.get(path);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(checks(response)).extracting(check -> check.getString("name")).containsExactlyInAnyOrder(checkNames.split(" "));
            assertThat(sidecarCheck(response).getJsonObject("data").getInt("outbound")).isEqualTo(204);
            assertThat(sidecar.received()).extracting(SidecarStandIn.Received::call).containsOnly("GET /v1.0/healthz/outbound");
        }
    }

    private static List<JsonObject> checks(HttpResponse<String> response) {
        return CommsServer.json(response.body()).getJsonArray("checks").getValuesAs(JsonObject.class);
    }

    private static JsonObject sidecarCheck(HttpResponse<String> response) {
        return checks(response).stream()
                .filter(check -> "dapr-sidecar".equals(check.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no dapr-sidecar check in " + response.body()));
    }
}
