package dev.daprliberty.greeting.wire;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GreetRequestValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static List<String> violations(String name) {
        return VALIDATOR.validate(new GreetRequest(name)).stream().map(ConstraintViolation::getMessage).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada", " Ada ", "Zoë", "山田太郎", "O'Brien-Smith", "👋"})
    void acceptsNames(String name) {
        assertThat(violations(name)).isEmpty();
    }

    @Test
    void nameIsRequired() {
        assertThat(violations(null)).containsExactly(GreetRequest.NAME_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n"})
    void rejectsBlankNames(String name) {
        assertThat(violations(name)).containsExactly("name must not be blank");
    }

    @Test
    void acceptsOneHundredCharactersAfterTrimming() {
        assertThat(violations("  " + "a".repeat(100) + "  ")).isEmpty();
    }

    @Test
    void rejectsOneHundredAndOneCharacters() {
        assertThat(violations("a".repeat(101))).containsExactly("name must be at most 100 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(violations("👋".repeat(100))).isEmpty();
        assertThat(violations("👋".repeat(101))).containsExactly("name must be at most 100 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\u0000", "A\nda", "Ad\ta", "Ada\u007f", "Ada\u0085", "A\u2028da", "A\u2029da"})
    void rejectsControlCharactersAndLineBreaks(String name) {
        assertThat(violations(name)).containsExactly("name must not contain control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\ud83d", "\udc4bAda", "A\udc4b\ud83dda"})
    void rejectsUnpairedSurrogates(String name) {
        assertThat(violations(name)).containsExactly("name must be valid Unicode (an escaped surrogate such as \\ud83d needs its pair)");
    }

    @Test
    void acceptsEmojiSequencesWithJoiners() {
        assertThat(violations("\ud83d\udc69\u200d\ud83d\udcbb Ada")).isEmpty();
    }
}
