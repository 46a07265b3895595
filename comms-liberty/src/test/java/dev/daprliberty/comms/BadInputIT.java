package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Every bad input is answered by comms itself with 4xx application/problem+json (greeting-api's mappers, found
 * in WEB-INF/lib) and never travels on: the sidecar stand-in, open throughout, must receive nothing.
 */
@MicroShedTest
class BadInputIT {

    private static final String INVALID = "urn:dapr-liberty:problem:invalid-request";
    private static final String MALFORMED = "urn:dapr-liberty:problem:malformed-body";
    private static final String MALFORMED_DETAIL = "the request body must be a JSON object, e.g. {\"name\":\"Ada\"}";
    private static final String ADA = "{\"name\":\"Ada\"}";

    /** One bad request and the problem it must get. */
    record BadRequest(String what, String method, String path, String contentType, String body,
                      int status, String type, String detail) {

        static BadRequest invalidName(String what, String body, String detail) {
            return new BadRequest(what, "POST", "/greet", "application/json", body, 400, INVALID, detail);
        }

        static BadRequest malformed(String body) {
            return new BadRequest("body " + body, "POST", "/greet", "application/json", body, 400, MALFORMED, MALFORMED_DETAIL);
        }

        HttpRequest.Builder request(CommsServer server) {
            return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", contentType)
                    .method(method, BodyPublishers.ofString(body));
        }

        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                BadRequest.invalidName("missing name", "{}", "name is required"),
                BadRequest.invalidName("null name", "{\"name\":null}", "name is required"),
                BadRequest.invalidName("empty name", "{\"name\":\"\"}", "name must not be blank"),
                BadRequest.invalidName("blank name", "{\"name\":\"  \\t \"}", "name must not be blank"),
                BadRequest.invalidName("bell character", "{\"name\":\"Ada\\u0007\"}", "name must not contain control characters"),
                BadRequest.invalidName("newline", "{\"name\":\"A\\nda\"}", "name must not contain control characters"),
                BadRequest.invalidName("101 characters", "{\"name\":\"" + "a".repeat(101) + "\"}", "name must be at most 100 characters"),
                BadRequest.invalidName("body null", "null", "the request body must be a JSON object with a name, e.g. {\"name\":\"Ada\"}"),
                BadRequest.malformed(""),
                BadRequest.malformed("{\"name\":"),
                BadRequest.malformed("not json"),
                BadRequest.malformed("[\"Ada\"]"),
                BadRequest.malformed("42"),
                BadRequest.malformed("\"Ada\""),
                BadRequest.malformed("{\"name\":[\"Ada\"]}"),
                new BadRequest("text/plain", "POST", "/greet", "text/plain", ADA, 415, "about:blank",
                        "the request body must be sent with Content-Type: application/json"),
                new BadRequest("form", "POST", "/greet", "application/x-www-form-urlencoded", "name=Ada", 415, "about:blank",
                        "the request body must be sent with Content-Type: application/json"),
                new BadRequest("GET /greet", "GET", "/greet", "application/json", "", 405, "about:blank",
                        "this method is not allowed here; allowed: POST, OPTIONS"),
                new BadRequest("PUT /greet", "PUT", "/greet", "application/json", ADA, 405, "about:blank",
                        "this method is not allowed here; allowed: POST, OPTIONS"),
                new BadRequest("DELETE /greet", "DELETE", "/greet", "application/json", "", 405, "about:blank",
                        "this method is not allowed here; allowed: POST, OPTIONS"),
                new BadRequest("POST /", "POST", "/", "application/json", ADA, 404, "about:blank", "no resource at this path"),
                new BadRequest("POST /greet/Ada", "POST", "/greet/Ada", "application/json", ADA, 404, "about:blank",
                        "no resource at this path"));
    }

    static Stream<Arguments> badRequestsOnEachServer() {
        return Arrays.stream(CommsServer.values())
                .flatMap(server -> badRequests().map(request -> Arguments.of(server, request)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRequestsOnEachServer")
    void isAnsweredByCommsWithAProblem(CommsServer server, BadRequest bad) {
        try (SidecarStandIn sidecar = CommsServer.sidecarStandIn()) {
            HttpResponse<String> response = server.send(bad.request(server));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            JsonObject problem = CommsServer.json(response.body());
            assertThat(problem.keySet()).containsExactly("type", "title", "status", "detail");
            assertThat(problem.getString("type")).isEqualTo(bad.type());
            assertThat(problem.getInt("status")).isEqualTo(bad.status());
            assertThat(problem.getString("detail")).isEqualTo(bad.detail());
            assertThat(sidecar.received()).as("calls that reached the sidecar").isEmpty();
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
