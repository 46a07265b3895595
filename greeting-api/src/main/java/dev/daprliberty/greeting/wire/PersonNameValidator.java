package dev.daprliberty.greeting.wire;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PersonName} and reports the one rule that failed, so the client learns what to fix. */
public class PersonNameValidator implements ConstraintValidator<PersonName, String> {

    static final String BLANK = "name must not be blank";
    static final String TOO_LONG = "name must be at most " + PersonName.MAX_LENGTH + " characters";
    static final String CONTROL_CHARACTERS = "name must not contain control characters";

    @Override
    public boolean isValid(String name, ConstraintValidatorContext context) {
        if (name == null) {
            return true;
        }
        String violation = violationOf(name.strip());
        if (violation == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(violation).addConstraintViolation();
        return false;
    }

    private static String violationOf(String trimmed) {
        if (trimmed.isEmpty()) {
            return BLANK;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > PersonName.MAX_LENGTH) {
            return TOO_LONG;
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            return CONTROL_CHARACTERS;
        }
        return null;
    }
}
