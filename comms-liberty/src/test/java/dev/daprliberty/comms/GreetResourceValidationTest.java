package dev.daprliberty.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daprliberty.greeting.wire.GreetRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * comms validates {@code POST /greet} exactly like greeter (greeting-api's constraints, checked by Hibernate
 * Validator as in Liberty) before the resource method runs, so bad input is answered here and never sent on.
 * (A missing or unreadable body never gets this far: liberty-support's reader answers it; see BadInputIT.)
 */
class GreetResourceValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final ExecutableValidator VALIDATOR = FACTORY.getValidator().forExecutables();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static List<String> violations(GreetRequest body) throws NoSuchMethodException {
        Method greet = GreetResource.class.getMethod("greet", GreetRequest.class);
        return VALIDATOR.validateParameters(new GreetResource(), greet, new Object[] {body}).stream()
                .map(ConstraintViolation::getMessage).toList();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    // Quoted: CsvSource trims unquoted values, control characters included.
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL         | name is required
            ''           | name must not be blank
            '   '        | name must not be blank
            'Ada\u0007'  | name must not contain control characters
            'Ada\tLove'  | name must not contain control characters
            """)
    void anInvalidNameIsRejected(String name, String message) throws NoSuchMethodException {
        assertThat(violations(new GreetRequest(name))).containsExactly(message);
    }

    @Test
    void aNameOfMoreThan100CharactersIsRejected() throws NoSuchMethodException {
        assertThat(violations(new GreetRequest("a".repeat(101)))).containsExactly("name must be at most 100 characters");
    }

    @Test
    void aValidNameIsAccepted() throws NoSuchMethodException {
        assertThat(violations(new GreetRequest("Zoë 山田 👋"))).isEmpty();
    }
}
