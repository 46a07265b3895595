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
            HttpResponse<String> response = server.greet("{\"name\":\"Ada\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo(SidecarStandIn.GREETER_ANSWER);
            Received invocation = sidecar.received().get(0);
            assertThat(invocation.call()).isEqualTo("POST /v1.0/invoke/greeter/method/greet");
            assertThat(invocation.body()).isEqualTo("{\"name\":\"Ada\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void passesUnicodeNamesOnAsGiven(CommsServer server) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            server.greet("{\"name\":\"Jos\\u00e9 山田 👋\"}");

            assertThat(sidecar.received().get(0).body()).isEqualTo("{\"name\":\"José 山田 👋\"}");
        }
    }
}
