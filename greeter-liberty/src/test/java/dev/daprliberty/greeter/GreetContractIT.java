package dev.daprliberty.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.greeting.wire.GreetResponse;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/** POST /greet on the Liberty server liberty-maven-plugin started. Public: MicroShed injects the client reflectively. */
@MicroShedTest
public class GreetContractIT {

    @RESTClient
    public static GreetApi greeter;

    @Test
    void greetsByName() {
        Instant before = Instant.now();

        GreetResponse response = greeter.greet(new GreetRequest("Ada"));

        assertThat(response.message()).isEqualTo("Hello, Ada!");
        assertThat(response.service()).isEqualTo("greeter");
        assertThat(response.timestamp()).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(response.error()).isNull();
    }

    @Test
    void answersExactlyTheContractsJson() {
        HttpResponse<String> response = GreeterHttp.postJson("{\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject body = GreeterHttp.json(response);
        assertThat(body.keySet()).containsExactly("message", "service", "timestamp");
        assertThat(body.getString("message")).isEqualTo("Hello, Ada!");
        assertThat(body.getString("service")).isEqualTo("greeter");
        assertThat(Duration.between(Instant.parse(body.getString("timestamp")), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void greetsUnicodeNamesAsGiven() {
        HttpResponse<String> response = GreeterHttp.postJson("{\"name\":\"Zoë 山田 👋\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GreeterHttp.json(response).getString("message")).isEqualTo("Hello, Zoë 山田 👋!");
    }

    @Test
    void greetsJsonEscapedUnicodeAsGiven() {
        HttpResponse<String> response = GreeterHttp.postJson("{\"name\":\"Jos\\u00e9 \\ud83d\\udc4b\"}");

        assertThat(GreeterHttp.json(response).getString("message")).isEqualTo("Hello, José 👋!");
    }

    @Test
    void surroundingWhiteSpaceIsNotPartOfTheName() {
        assertThat(greeter.greet(new GreetRequest("  Ada  ")).message()).isEqualTo("Hello, Ada!");
    }
}
