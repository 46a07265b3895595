package dev.daprliberty.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.support.testing.WireRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Every bad input of the shared catalogue (liberty-support's WireRequests) gets its exact RFC 9457 problem
 * from the real server, sent byte for byte as written: never a 500, never a stack trace; and the unusual but
 * good requests are greeted.
 */
@MicroShedTest
class BadInputIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.daprliberty.support.testing.WireRequests#bad")
    void aBadRequestGetsItsProblem(WireRequest bad) {
        bad.assertAnswered(GreeterHttp.send(bad.request(GreeterHttp.uri("/"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.daprliberty.support.testing.WireRequests#good")
    void aGoodRequestIsGreeted(WireRequest good) {
        HttpResponse<String> response = GreeterHttp.send(good.request(GreeterHttp.uri("/")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(GreeterHttp.json(response).getString("message")).isEqualTo("Hello, Ada!");
    }

    @Test
    void aNameOf100CharactersIsGreeted() {
        assertThat(GreeterHttp.postJson("{\"name\":\"" + "a".repeat(100) + "\"}").statusCode()).isEqualTo(200);
    }
}
