package dev.daprliberty.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.greeting.wire.GreetRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each mapper answers with an RFC 9457 problem and never puts a stack trace in it. */
class ProblemMappersTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        VALIDATION.close();
        JSONB.close();
    }

    private static Problem problemOf(Response response) {
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.status()).isEqualTo(response.getStatus());
        return problem;
    }

    @Test
    void invalidNameIs400WithTheViolatedRule() {
        var violations = VALIDATION.getValidator().validate(new GreetRequest(" "));

        Problem problem = problemOf(new InvalidRequestMapper().toResponse(new ConstraintViolationException(violations)));

        assertThat(problem).isEqualTo(new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, "name must not be blank"));
    }

    @Test
    void aProblemExceptionKeepsItsProblem() {
        Problem malformed = Problem.malformedBody("the request body is empty");

        Response response = new HttpErrorMapper().toResponse(new ProblemException(malformed));

        assertThat(problemOf(response)).isEqualTo(malformed);
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void unknownPathIs404() {
        Problem problem = problemOf(new HttpErrorMapper().toResponse(new NotFoundException()));

        assertThat(problem).isEqualTo(new Problem(Problem.ABOUT_BLANK, "Not Found", 404, "no resource at this path"));
    }

    @Test
    void unknownMethodIs405AndKeepsTheAllowHeader() {
        Response response = new HttpErrorMapper().toResponse(
                new NotAllowedException(Response.status(405).allow("POST", "OPTIONS").build()));

        assertThat(problemOf(response).title()).isEqualTo("Method Not Allowed");
        assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("POST");
        assertThat(problemOf(response).detail()).contains("POST");
    }

    @Test
    void wrongContentTypeIs415() {
        Problem problem = problemOf(new HttpErrorMapper().toResponse(new NotSupportedException()));

        assertThat(problem.status()).isEqualTo(415);
        assertThat(problem.detail()).contains("application/json");
    }

    @Test
    void unexpectedErrorIs500WithoutItsMessageOrStackTrace() {
        Problem problem = problemOf(new CatchAllMapper().toResponse(new IllegalStateException("db password is hunter2")));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("hunter2").doesNotContain("Exception").doesNotContain("at ");
    }

    @Test
    void problemJsonHasExactlyTheRfc9457Members() {
        String json = JSONB.toJson(Problem.of(Response.Status.NOT_FOUND, "no resource at this path"));

        assertThat(json).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no resource at this path\"}");
    }
}
