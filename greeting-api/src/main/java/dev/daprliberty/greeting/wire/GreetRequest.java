package dev.daprliberty.greeting.wire;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /greet}: {@code {"name":"Ada"}}. Validate it in a resource method with
 * {@code @NotNull(message = GreetRequest.BODY_REQUIRED) @Valid GreetRequest request}.
 *
 * @param name who to greet
 */
public record GreetRequest(@NotNull(message = NAME_REQUIRED) @PersonName String name) {

    public static final String NAME_REQUIRED = "name is required";
    public static final String BODY_REQUIRED = "the request body must be a JSON object with a name, e.g. {\"name\":\"Ada\"}";
}
