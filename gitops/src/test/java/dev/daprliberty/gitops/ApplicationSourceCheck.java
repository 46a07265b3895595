package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Child Applications point at things that exist: git paths in this repository at the root's revision, and Helm
 * charts at exact versions, setting only values those chart versions have.
 */
final class ApplicationSourceCheck {

    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private ApplicationSourceCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        JsonNode root = tree.rootApplication.path("spec").path("source");
        List<String> problems = new ArrayList<>();
        for (ObjectNode application : tree.applications()) {
            JsonNode source = application.path("spec").path("source");
            String where = "Application " + Manifests.name(application) + ": ";
            if (source.has("chart")) {
                problems.addAll(chartProblems(tree, where, source));
                continue;
            }
            if (!source.path("repoURL").asText().equals(root.path("repoURL").asText())
                    || !source.path("targetRevision").asText().equals(root.path("targetRevision").asText())) {
                problems.add(where + "deploys " + source.path("repoURL").asText() + " at "
                        + source.path("targetRevision").asText() + ", not the root's repository and revision");
            }
            Path path = tree.layout.root().resolve(source.path("path").asText());
            if (!Files.isRegularFile(path.resolve("kustomization.yaml")) && !Files.isRegularFile(path.resolve("Chart.yaml"))) {
                problems.add(where + "path " + source.path("path").asText()
                        + " is not a kustomization or chart in the repository");
            }
        }
        return problems;
    }

    private static List<String> chartProblems(GitopsTree tree, String where, JsonNode source) {
        String chart = source.path("chart").asText();
        String version = source.path("targetRevision").asText();
        if (!EXACT_VERSION.matcher(version).matches()) {
            return List.of(where + "chart " + chart + " version '" + version + "' is not an exact version (x.y.z)");
        }
        JsonNode values = source.path("helm").path("valuesObject");
        if (values.isMissingNode() || values.isEmpty()) {
            return List.of();
        }
        Optional<ObjectNode> defaults = ChartDefaults.load(tree.layout.shared(), chart, version);
        if (defaults.isEmpty()) {
            return List.of(where + "no default values of chart " + chart + " " + version
                    + " in ../shared/helm-values: its valuesObject cannot be checked");
        }
        return ChartDefaults.unknownKeys(values, defaults.get()).stream()
                .map(key -> where + "valuesObject key " + key + " is not a value of chart " + chart + " " + version)
                .toList();
    }
}
