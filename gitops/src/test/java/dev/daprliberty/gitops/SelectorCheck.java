package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Services and PodDisruptionBudgets select the pods they are for: each selector matches a workload's pod labels
 * in the same namespace, and a Service's targetPort is a port of those pods.
 */
final class SelectorCheck {

    private SelectorCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<ObjectNode> objects = tree.allDeployed();
        List<Workloads.Workload> workloads = Workloads.of(objects);
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            JsonNode selector = switch (Manifests.kind(object)) {
                case "Service" -> object.path("spec").path("selector");
                case "PodDisruptionBudget" -> object.path("spec").path("selector").path("matchLabels");
                default -> null;
            };
            if (selector == null) {
                continue;
            }
            List<Workloads.Workload> selected = workloads.stream()
                    .filter(w -> w.namespace().equals(Manifests.namespace(object)) && matches(selector, w)).toList();
            if (selected.isEmpty()) {
                problems.add(Manifests.describe(object) + ": selector " + selector + " matches no pods");
            }
            for (JsonNode port : object.path("spec").path("ports")) {
                String target = port.path("targetPort").asText();
                boolean exists = selected.stream().flatMap(w -> w.containers().stream())
                        .flatMap(c -> StreamSupport.stream(c.path("ports").spliterator(), false))
                        .anyMatch(p -> p.path("name").asText().equals(target) || p.path("containerPort").asText().equals(target));
                if (!selected.isEmpty() && !exists) {
                    problems.add(Manifests.describe(object) + ": targetPort " + target + " is no named port of its pods");
                }
            }
        }
        return problems;
    }

    private static boolean matches(JsonNode selector, Workloads.Workload workload) {
        JsonNode labels = workload.template().path("metadata").path("labels");
        for (Map.Entry<String, JsonNode> entry : selector.properties()) {
            if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        return !selector.isEmpty();
    }
}
