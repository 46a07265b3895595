package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pod templates of rendered workloads, and the Dapr-enabled ones among them. */
final class Workloads {

    private static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet", "DaemonSet");

    /** A workload and its pod template. */
    record Workload(ObjectNode owner, JsonNode template) {
        JsonNode spec() {
            return template.path("spec");
        }

        String annotation(String key) {
            return template.path("metadata").path("annotations").path(key).asText("");
        }

        List<JsonNode> containers() {
            List<JsonNode> containers = new ArrayList<>();
            spec().path("initContainers").forEach(containers::add);
            spec().path("containers").forEach(containers::add);
            return containers;
        }

        Optional<String> env(String container, String name) {
            for (JsonNode c : spec().path("containers")) {
                if (c.path("name").asText().equals(container)) {
                    for (JsonNode variable : c.path("env")) {
                        if (variable.path("name").asText().equals(name)) {
                            return Optional.of(variable.has("value") ? variable.path("value").asText()
                                    : variable.path("valueFrom").toString());
                        }
                    }
                }
            }
            return Optional.empty();
        }

        boolean daprEnabled() {
            return "true".equals(annotation("dapr.io/enabled"));
        }

        String daprAppId() {
            return annotation("dapr.io/app-id");
        }

        String namespace() {
            return Manifests.namespace(owner);
        }

        String describe() {
            return Manifests.describe(owner);
        }
    }

    private Workloads() {
    }

    static List<Workload> of(List<ObjectNode> objects) {
        return objects.stream().filter(o -> WORKLOAD_KINDS.contains(Manifests.kind(o)))
                .map(o -> new Workload(o, o.path("spec").path("template"))).toList();
    }

    static List<Workload> daprEnabled(List<ObjectNode> objects) {
        return of(objects).stream().filter(Workload::daprEnabled).toList();
    }
}
