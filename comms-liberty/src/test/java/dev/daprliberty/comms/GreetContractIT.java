package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.comms.SidecarStandIn.Received;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.microshed.testing.jupiter.MicroShedTest;

/** On the real server, with either adapter: comms asks greeter through the sidecar and passes its JSON on unchanged. */
@MicroShedTest
class GreetContractIT {

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void returnsGreetersAnswerUnchanged(CommsServer server) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            HttpResponse<String> response = server.http().postJson("{\"name\":\"Ada\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo(SidecarStandIn.GREETER_ANSWER);
            Received call = sidecar.received().get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/v1.0/invoke/greeter/method/greet");
            assertThat(call.body()).isEqualTo("{\"name\":\"Ada\"}");
        }
    }
}
