package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every image is pinned: rendered containers name a tag or digest other than latest, and a chart whose default
 * image tag moves (latest, edge) gets an explicit version in its Application's valuesObject.
 */
final class ImagePinCheck {

    private static final Set<String> MOVING_TAGS = Set.of("latest", "edge");

    private ImagePinCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<String> problems = new ArrayList<>();
        for (Workloads.Workload workload : Workloads.of(tree.allDeployed())) {
            for (JsonNode container : workload.containers()) {
                String image = container.path("image").asText();
                if (!isPinned(image)) {
                    problems.add(workload.describe() + ": container " + container.path("name").asText() + " image '"
                            + image + "' is not pinned to a version tag or digest");
                }
            }
        }
        for (ObjectNode application : tree.applications()) {
            JsonNode source = application.path("spec").path("source");
            if (!source.has("chart")) {
                continue;
            }
            JsonNode values = source.path("helm").path("valuesObject");
            ChartDefaults.load(tree.layout.shared(), source.path("chart").asText(), source.path("targetRevision").asText())
                    .ifPresent(defaults -> movingTags(defaults, "").forEach(path -> {
                        String pinned = values.at("/" + path.replace('.', '/')).asText("");
                        if (pinned.isEmpty() || MOVING_TAGS.contains(pinned)) {
                            problems.add("Application " + Manifests.name(application) + ": chart default " + path
                                    + " is a moving tag; pin it in valuesObject");
                        }
                    }));
        }
        return problems;
    }

    static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        return colon > 0 && !MOVING_TAGS.contains(lastSegment.substring(colon + 1));
    }

    private static List<String> movingTags(JsonNode defaults, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : defaults.properties()) {
            if (entry.getValue().isObject()) {
                paths.addAll(movingTags(entry.getValue(), prefix + entry.getKey() + "."));
            } else if (entry.getKey().equals("tag") && MOVING_TAGS.contains(entry.getValue().asText())) {
                paths.add(prefix + entry.getKey());
            }
        }
        return paths;
    }
}
