package dev.daprliberty.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.support.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * One request exactly as sent on the wire, and how both services must answer it: with the RFC 9457 problem
 * given, or (problem null) with the greeting of Ada.
 *
 * @param what    what is wrong, as the test names it
 * @param method  the HTTP method
 * @param path    the path, e.g. {@code /greet}
 * @param headers request headers, in order (no Content-Type header when absent)
 * @param body    the body's bytes
 * @param chunked whether the body is sent chunked, without a Content-Length
 * @param problem the problem answered (status, type and exact detail), or null when Ada must be greeted
 */
public record WireRequest(String what, String method, String path, Map<String, String> headers, byte[] body,
                         boolean chunked, Problem problem) {

    /** The request to send to a server at {@code base} (scheme, host and port). */
    public HttpRequest.Builder request(URI base) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        headers.forEach(request::header);
        BodyPublisher publisher = chunked
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body);
        return request.method(method, publisher);
    }

    /** Whether the request must be answered with a problem. */
    public boolean isBad() {
        return problem != null;
    }

    /** Whether the body reader alone answers it (not the JAX-RS routing: path, method, Content-Type, Accept). */
    public boolean answeredByTheBodyReader() {
        return "POST".equals(method) && "/greet".equals(path) && headers.getOrDefault("Content-Type", "").startsWith("application/json")
                && !headers.containsKey("Accept");
    }

    /** Asserts that the response is exactly this problem, as application/problem+json without a stack trace. */
    public void assertAnswered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(problem.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.daprliberty");
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            json = reader.readObject();
        }
        assertThat(json.keySet()).containsExactly("type", "title", "status", "detail");
        assertThat(new Problem(json.getString("type"), json.getString("title"), json.getInt("status"), json.getString("detail")))
                .isEqualTo(problem);
    }

    @Override
    public String toString() {
        return what;
    }
}
