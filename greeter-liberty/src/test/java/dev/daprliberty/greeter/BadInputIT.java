package dev.daprliberty.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Every bad input answers 4xx application/problem+json (RFC 9457) from greeting-api's exception mappers,
 * which Liberty must find in WEB-INF/lib: never a 500, never a stack trace.
 */
@MicroShedTest
class BadInputIT {

    private static final String INVALID_REQUEST = "urn:dapr-liberty:problem:invalid-request";
    private static final String MALFORMED_BODY = "urn:dapr-liberty:problem:malformed-body";

    /** Asserts the RFC 9457 shape and returns the problem. */
    private static JsonObject problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.daprliberty");
        JsonObject problem = GreeterHttp.json(response);
        assertThat(problem.keySet()).containsExactly("type", "title", "status", "detail");
        assertThat(problem.getInt("status")).isEqualTo(status);
        return problem;
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            missing name        | {}                            | name is required
            null name           | {"name":null}                 | name is required
            empty name          | {"name":""}                   | name must not be blank
            blank name          | {"name":"   "}                | name must not be blank
            bell character      | {"name":"Ada\\u0007"}         | name must not contain control characters
            newline             | {"name":"A\\nda"}             | name must not contain control characters
            """)
    void invalidNameIs400(String what, String body, String detail) {
        JsonObject problem = problem(GreeterHttp.postJson(body), 400);

        assertThat(problem.getString("type")).isEqualTo(INVALID_REQUEST);
        assertThat(problem.getString("detail")).isEqualTo(detail);
    }

    @Test
    void nameOf101CharactersIs400() {
        JsonObject problem = problem(GreeterHttp.postJson("{\"name\":\"" + "a".repeat(101) + "\"}"), 400);

        assertThat(problem.getString("detail")).isEqualTo("name must be at most 100 characters");
    }

    @Test
    void nameOf100CharactersIsGreeted() {
        assertThat(GreeterHttp.postJson("{\"name\":\"" + "a".repeat(100) + "\"}").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"name\":", "not json", "[\"Ada\"]", "[]", "42", "\"Ada\"", "{\"name\":[\"Ada\"]}"})
    void bodyThatIsNotAnObjectWithANameIs400(String body) {
        assertThat(problem(GreeterHttp.postJson(body), 400).getString("type")).isEqualTo(MALFORMED_BODY);
    }

    @ParameterizedTest(name = "body \"{0}\"")
    @ValueSource(strings = {"", "null"})
    void missingBodyIs400(String body) {
        assertThat(problem(GreeterHttp.postJson(body), 400).getString("type")).isIn(INVALID_REQUEST, MALFORMED_BODY);
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void wrongContentTypeIs415(String contentType) {
        HttpResponse<String> response = GreeterHttp.send(HttpRequest.newBuilder(GreeterHttp.uri("/greet"))
                .header("Content-Type", contentType).POST(BodyPublishers.ofString("{\"name\":\"Ada\"}")));

        assertThat(problem(response, 415).getString("title")).isEqualTo("Unsupported Media Type");
    }

    @ParameterizedTest(name = "{0} /greet")
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void otherMethodsAre405(String method) {
        HttpResponse<String> response = GreeterHttp.send(HttpRequest.newBuilder(GreeterHttp.uri("/greet"))
                .header("Content-Type", "application/json").method(method, BodyPublishers.ofString("{\"name\":\"Ada\"}")));

        assertThat(problem(response, 405).getString("title")).isEqualTo("Method Not Allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/", "/greetings", "/greet/Ada"})
    void unknownPathIs404(String path) {
        HttpResponse<String> response = GreeterHttp.send(HttpRequest.newBuilder(GreeterHttp.uri(path))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"name\":\"Ada\"}")));

        assertThat(problem(response, 404).getString("title")).isEqualTo("Not Found");
    }
}
