package dev.daprliberty.greeting.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daprliberty.greeting.Greeting;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The JSON shape on the wire, with Yasson, the JSON-B implementation Liberty uses. */
class WireJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void readsTheRequest() {
        assertThat(JSONB.fromJson("{\"name\":\"Ada\"}", GreetRequest.class)).isEqualTo(new GreetRequest("Ada"));
    }

    @Test
    void aMissingNameReadsAsNullForValidationToReport() {
        assertThat(JSONB.fromJson("{}", GreetRequest.class).name()).isNull();
    }

    @Test
    void anArrayIsNotARequest() {
        assertThatThrownBy(() -> JSONB.fromJson("[\"Ada\"]", GreetRequest.class)).isInstanceOf(JsonbException.class);
    }

    @Test
    void writesTheGreeting() {
        GreetResponse response = GreetResponse.greeted(Greeting.hello("Ada"), "greeter",
                Instant.parse("2026-03-01T10:15:30.123Z"));

        assertThat(JSONB.toJson(response))
                .isEqualTo("{\"message\":\"Hello, Ada!\",\"service\":\"greeter\",\"timestamp\":\"2026-03-01T10:15:30.123Z\"}");
    }

    @Test
    void writesTheFallbackWithoutTimestamp() {
        GreetResponse response = GreetResponse.fallback(Greeting.fallback("Ada"), "comms", "greeter_service_unavailable");

        assertThat(JSONB.toJson(response)).isEqualTo(
                "{\"message\":\"Hello, Ada (from fallback)!\",\"service\":\"comms\",\"error\":\"greeter_service_unavailable\"}");
    }

    @Test
    void readsWhatItWrites() {
        GreetResponse response = GreetResponse.greeted(Greeting.hello("Zoë"), "greeter", Instant.parse("2026-03-01T10:15:30Z"));

        assertThat(JSONB.fromJson(JSONB.toJson(response), GreetResponse.class)).isEqualTo(response);
    }
}
