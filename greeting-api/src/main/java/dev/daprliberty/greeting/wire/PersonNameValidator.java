package dev.daprliberty.greeting.wire;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PersonName} and reports the one rule that failed, so the client learns what to fix. */
public class PersonNameValidator implements ConstraintValidator<PersonName, String> {

    static final String BLANK = "name must not be blank";
    static final String TOO_LONG = "name must be at most " + PersonName.MAX_LENGTH + " characters";
    static final String CONTROL_CHARACTERS = "name must not contain control characters";
    static final String UNPAIRED_SURROGATES = "name must be valid Unicode (an escaped surrogate such as \\ud83d needs its pair)";

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
        if (trimmed.codePoints().anyMatch(PersonNameValidator::isControl)) {
            return CONTROL_CHARACTERS;
        }
        if (trimmed.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE)) {
            return UNPAIRED_SURROGATES;
        }
        return null;
    }

    /** C0, DEL, C1, and the Unicode line and paragraph separators (line breaks as much as a newline is). */
    private static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029;
    }
}
