package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A CRD's openAPIV3Schema as a JSON Schema (draft 4) with the API server's structural-schema semantics, so that
 * what the API server would silently prune is an error here:
 * an object schema without additionalProperties and without x-kubernetes-preserve-unknown-fields accepts only the
 * properties it lists; x-kubernetes-int-or-string accepts an integer or a string; nullable accepts null.
 * The root metadata is left open: it is an ObjectMeta, checked against the Kubernetes API schema instead.
 */
final class StructuralSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> JUNCTORS = List.of("allOf", "anyOf", "oneOf");

    private StructuralSchema() {
    }

    static ObjectNode toJsonSchema(JsonNode openApiV3Schema) {
        ObjectNode schema = openApiV3Schema.deepCopy();
        convert(schema, false);
        if (schema.path("properties").has("metadata")) {
            ((ObjectNode) schema.get("properties")).set("metadata", JSON.objectNode().put("type", "object"));
        }
        return schema;
    }

    /** @param valueValidation inside allOf/anyOf/oneOf/not: those only constrain values, they declare no fields */
    private static void convert(ObjectNode schema, boolean valueValidation) {
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean embeddedResource = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = schema.path("nullable").asBoolean(false);
        // Vendor extensions and formats carry no JSON Schema meaning (formats would only add false alarms).
        List<String> meaningless = new ArrayList<>();
        schema.fieldNames().forEachRemaining(field -> {
            if (field.startsWith("x-kubernetes-") || field.equals("nullable") || field.equals("format")) {
                meaningless.add(field);
            }
        });
        schema.remove(meaningless);

        if (intOrString && !schema.has("anyOf")) {
            schema.remove("type");
            schema.set("anyOf", JSON.arrayNode().add(JSON.objectNode().put("type", "integer"))
                    .add(JSON.objectNode().put("type", "string")));
        }
        if (nullable && schema.has("type")) {
            schema.set("type", JSON.arrayNode().add(schema.get("type").asText()).add("null"));
        }
        if (nullable && schema.get("enum") instanceof ArrayNode values) {
            values.addNull();
        }

        if (schema.get("properties") instanceof ObjectNode properties) {
            properties.forEach(property -> convert((ObjectNode) property, false));
        }
        if (schema.get("items") instanceof ObjectNode items) {
            convert(items, false);
        }
        if (schema.get("additionalProperties") instanceof ObjectNode additional) {
            convert(additional, false);
        }
        for (String junctor : JUNCTORS) {
            if (schema.get(junctor) instanceof ArrayNode branches) {
                branches.forEach(branch -> convert((ObjectNode) branch, true));
            }
        }
        if (schema.get("not") instanceof ObjectNode not) {
            convert(not, true);
        }

        boolean isObject = "object".equals(schema.path("type").asText()) || schema.has("properties");
        if (isObject && !valueValidation && !preserveUnknown && !schema.has("additionalProperties")) {
            if (embeddedResource) {
                ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
                        : schema.putObject("properties");
                properties.putIfAbsent("apiVersion", JSON.objectNode().put("type", "string"));
                properties.putIfAbsent("kind", JSON.objectNode().put("type", "string"));
                properties.putIfAbsent("metadata", JSON.objectNode().put("type", "object"));
            }
            schema.put("additionalProperties", false);
        }
    }
}
