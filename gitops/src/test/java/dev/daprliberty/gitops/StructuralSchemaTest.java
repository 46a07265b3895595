package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structural-schema semantics the CRD validation relies on, each shown on a minimal schema. */
class StructuralSchemaTest {

    private static List<String> validate(String openApiSchema, String value) {
        JsonNode schema = StructuralSchema.toJsonSchema(Manifests.parse(openApiSchema).get(0));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema)
                .validate(Manifests.parse(value).get(0)).stream().map(Object::toString).toList();
    }

    @Test
    void anObjectWithPropertiesAcceptsOnlyThose() {
        String schema = "type: object\nproperties: {spec: {type: object, properties: {a: {type: string}}}}";
        assertThat(validate(schema, "spec: {a: x}")).isEmpty();
        assertThat(validate(schema, "spec: {a: x, b: y}")).singleElement().asString().contains("b");
    }

    @Test
    void anObjectWithoutPropertiesPrunesEverythingSoAnyFieldIsAnError() {
        assertThat(validate("type: object\nproperties: {spec: {type: object}}", "spec: {a: x}"))
                .singleElement().asString().contains("a");
    }

    @Test
    void preserveUnknownFieldsAndAdditionalPropertiesKeepFields() {
        assertThat(validate("type: object\nproperties: {spec: {type: object, x-kubernetes-preserve-unknown-fields: true}}",
                "spec: {a: {b: c}}")).isEmpty();
        assertThat(validate("type: object\nproperties: {spec: {type: object, additionalProperties: {type: string}}}",
                "spec: {a: b}")).isEmpty();
    }

    @Test
    void intOrStringAcceptsBothAndNothingElse() {
        String schema = "type: object\nproperties: {port: {x-kubernetes-int-or-string: true}}";
        assertThat(validate(schema, "port: 80")).isEmpty();
        assertThat(validate(schema, "port: http")).isEmpty();
        assertThat(validate(schema, "port: [80]")).isNotEmpty();
    }

    @Test
    void nullableAcceptsNullAndOtherwiseNot() {
        assertThat(validate("type: object\nproperties: {a: {type: string, nullable: true}}", "a: null")).isEmpty();
        assertThat(validate("type: object\nproperties: {a: {type: string}}", "a: null")).isNotEmpty();
    }

    @Test
    void aKindTheKubernetesApiDoesNotHaveIsAnError() {
        ObjectNode object = Manifests.parse("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}").get(0);
        assertThat(new ApiSchemas(Fixtures.crds()).problems(object))
                .containsExactly("Deploymnet x: not a Kubernetes 1.35 API kind (no model V1Deploymnet)");
    }
}
