package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.support.testing.WireRequest;
import dev.daprliberty.support.testing.WireRequests;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Every bad input of the shared catalogue (liberty-support's WireRequests) is answered by comms itself with
 * the same problem greeter gives, and never travels on: the sidecar stand-in, open throughout, receives
 * nothing. The unusual but good requests travel on as the one valid JSON body.
 */
@MicroShedTest
class BadInputIT {

    static Stream<Arguments> badRequestsOnEachServer() {
        return Arrays.stream(CommsServer.values()).flatMap(server -> WireRequests.bad().map(bad -> Arguments.of(server, bad)));
    }

    static Stream<Arguments> goodRequestsOnEachServer() {
        return Arrays.stream(CommsServer.values()).flatMap(server -> WireRequests.good().map(good -> Arguments.of(server, good)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRequestsOnEachServer")
    void isAnsweredByCommsWithItsProblem(CommsServer server, WireRequest bad) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            bad.assertAnswered(server.send(bad.request(server.uri("/"))));

            assertThat(sidecar.received()).as("calls that reached the sidecar").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("goodRequestsOnEachServer")
    void aGoodRequestTravelsOnAsPlainJson(CommsServer server, WireRequest good) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            HttpResponse<String> response = server.send(good.request(server.uri("/")));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(sidecar.received()).singleElement()
                    .satisfies(call -> assertThat(call.body()).isIn(WireRequests.ADA, "{\"name\":\"  Ada\\t\"}"));
        }
    }

    @ParameterizedTest
    @EnumSource(CommsServer.class)
    void aNameOf100CharactersIsPassedOn(CommsServer server) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            assertThat(server.greet("{\"name\":\"" + "a".repeat(100) + "\"}").statusCode()).isEqualTo(200);
            assertThat(sidecar.received()).hasSize(1);
        }
    }
}
