package dev.daprliberty.greeting.wire;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /greet}: {@code {"name":"Ada"}}, nothing else. Validate it in a resource method with
 * {@code @Valid GreetRequest request}.
 *
 * @param name who to greet
 */
public record GreetRequest(@NotNull(message = NAME_REQUIRED) @PersonName String name) {

    public static final String NAME_REQUIRED = "name is required";
}
