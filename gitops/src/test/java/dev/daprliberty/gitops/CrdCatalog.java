package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The real CRDs (../shared/crds): validates custom resources strictly against the schema of their version. */
final class CrdCatalog {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private record Crd(Path file, long bytes, Map<String, JsonNode> versions) {
    }

    private final Map<String, Crd> byGroupKind = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    static CrdCatalog load(Path crdDir) {
        CrdCatalog catalog = new CrdCatalog();
        try (Stream<Path> files = Files.list(crdDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                long bytes = Files.size(file);
                for (ObjectNode crd : Manifests.read(file)) {
                    JsonNode spec = crd.path("spec");
                    Map<String, JsonNode> versions = new HashMap<>();
                    spec.path("versions").forEach(version -> versions.put(version.path("name").asText(), version));
                    catalog.byGroupKind.put(spec.path("group").asText() + "/" + spec.path("names").path("kind").asText(),
                            new Crd(file, bytes, versions));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (catalog.byGroupKind.isEmpty()) {
            throw new IllegalStateException("no CRDs in " + crdDir + ": the reference data in ../shared is incomplete");
        }
        return catalog;
    }

    boolean definesGroup(String group) {
        return byGroupKind.keySet().stream().anyMatch(key -> key.startsWith(group + "/"));
    }

    /** Size of the CRD manifest of a group (largest kind): client-side apply cannot store more than 256 KiB. */
    long largestCrdBytes(String group) {
        return byGroupKind.entrySet().stream().filter(e -> e.getKey().startsWith(group + "/"))
                .mapToLong(e -> e.getValue().bytes()).max().orElse(0);
    }

    List<String> problems(ObjectNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = Manifests.group(resource);
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String where = Manifests.describe(resource) + ": ";
        Crd crd = byGroupKind.get(group + "/" + Manifests.kind(resource));
        if (crd == null) {
            return List.of(where + "no CRD for " + group + "/" + Manifests.kind(resource) + " in ../shared/crds");
        }
        JsonNode crdVersion = crd.versions().get(version);
        if (crdVersion == null || !crdVersion.path("served").asBoolean()) {
            return List.of(where + apiVersion + " is not a served version of the CRD " + crd.file().getFileName()
                    + " (served: " + crd.versions().keySet() + ")");
        }
        List<String> problems = new ArrayList<>();
        JsonSchema schema = compiled.computeIfAbsent(group + "/" + Manifests.kind(resource) + "/" + version,
                key -> FACTORY.getSchema(StructuralSchema.toJsonSchema(crdVersion.path("schema").path("openAPIV3Schema"))));
        for (ValidationMessage message : schema.validate(resource)) {
            problems.add(where + message.getMessage());
        }
        KubernetesApi.problems("ObjectMeta", resource.path("metadata"))
                .forEach(problem -> problems.add(where + "metadata: " + problem));
        return problems;
    }
}
