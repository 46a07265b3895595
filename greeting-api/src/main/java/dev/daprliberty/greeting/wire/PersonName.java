package dev.daprliberty.greeting.wire;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A name someone can be greeted with: after trimming 1 to {@value #MAX_LENGTH} characters (Unicode code
 * points, so an emoji or a CJK character counts once), no control characters or line breaks, and valid
 * Unicode (no unpaired surrogate, which could not be sent on as UTF-8 without corrupting it). {@code null} is
 * valid here; combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PersonNameValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface PersonName {

    int MAX_LENGTH = 100;

    String message() default "name is not a valid name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
