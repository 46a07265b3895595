package dev.daprliberty.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.daprliberty.greeting.wire.GreetRequest;
import dev.daprliberty.support.problem.InvalidRequestMapper;
import dev.daprliberty.support.problem.Problem;
import dev.daprliberty.support.problem.ProblemException;
import dev.daprliberty.support.testing.WireRequest;
import dev.daprliberty.support.testing.WireRequests;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad body of the shared catalogue gets its exact problem from the reader and Bean Validation (on
 * Parsson and Hibernate Validator, as in Liberty); every good one reads as Ada.
 */
class GreetRequestReaderTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    static Stream<WireRequest> badBodies() {
        return WireRequests.bad().filter(WireRequest::answeredByTheBodyReader);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyGetsItsProblem(WireRequest bad) {
        ProblemException thrown = catchThrowableOfType(ProblemException.class, () -> validate(read(bad)));

        assertThat(thrown).as("the problem for " + bad).isNotNull();
        assertThat(thrown.problem()).isEqualTo(bad.problem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.daprliberty.support.testing.WireRequests#good")
    void aGoodBodyReadsAsAda(WireRequest good) {
        GreetRequest request = read(good);

        assertThat(request.name().strip()).isEqualTo("Ada");
        validate(request);
    }

    private static GreetRequest read(WireRequest request) {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        request.headers().forEach(headers::add);
        try {
            return new GreetRequestReader().readFrom(GreetRequest.class, GreetRequest.class, null,
                    MediaType.valueOf(request.headers().get("Content-Type")), headers, new ByteArrayInputStream(request.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bean Validation as the resource method's {@code @Valid} runs it, answered as the mapper answers it. */
    private static void validate(GreetRequest request) {
        var violations = VALIDATION.getValidator().validate(request);
        if (!violations.isEmpty()) {
            Problem problem = (Problem) new InvalidRequestMapper().toResponse(new ConstraintViolationException(violations)).getEntity();
            throw new ProblemException(problem);
        }
    }
}
