package dev.daprliberty.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * bootstrap/cluster.yaml, and eksctl's own JSON schema of a ClusterConfig (pkg/apis/eksctl.io/v1alpha5/assets/
 * schema.json of eksctl v0.225.0, an eksctl that knows EKS 1.35). It forbids
 * unknown fields, so a typo in a key is an error here instead of a setting eksctl silently ignores.
 */
final class ClusterConfig {

    private static final JsonSchema SCHEMA = loadSchema();

    private ClusterConfig() {
    }

    static JsonNode committed() {
        return Yaml.parse(Repository.read("bootstrap/cluster.yaml"));
    }

    static List<String> schemaProblems(JsonNode config) {
        return SCHEMA.validate(config).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ClusterConfig.class.getResourceAsStream("/eksctl-v0.225.0-schema.json")) {
            if (in == null) {
                throw new IllegalStateException("eksctl-v0.225.0-schema.json missing from the test resources");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Yaml.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
