package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Helm chart's default values from ../shared/helm-values/CHART-VERSION/: values.yaml or CHART.values.yaml for
 * the chart itself, SUBCHART.values.yaml for each subchart (whose values sit under the subchart's name).
 */
final class ChartDefaults {

    private ChartDefaults() {
    }

    static Optional<ObjectNode> load(Path shared, String chart, String version) {
        Path dir = shared.resolve("helm-values").resolve(chart + "-" + version);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        ObjectNode values = Manifests.YAML.createObjectNode();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith("values.yaml")) {
                    continue;
                }
                String component = name.equals("values.yaml") ? chart : name.substring(0, name.length() - ".values.yaml".length());
                ObjectNode defaults = Manifests.YAML.readValue(file.toFile(), ObjectNode.class);
                if (component.equals(chart)) {
                    values.setAll(defaults);
                } else {
                    values.set(component, defaults);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(values);
    }

    /**
     * Keys of {@code values} that the defaults do not have, as dotted paths. Below a default that is empty or null
     * (resources: {}, nodeSelector, ...) any key is the chart's to accept.
     */
    static List<String> unknownKeys(JsonNode values, JsonNode defaults) {
        List<String> unknown = new ArrayList<>();
        collect(values, defaults, "", unknown);
        return unknown;
    }

    private static void collect(JsonNode values, JsonNode defaults, String prefix, List<String> unknown) {
        for (Map.Entry<String, JsonNode> entry : values.properties()) {
            String key = prefix + entry.getKey();
            JsonNode fallback = defaults.get(entry.getKey());
            if (fallback == null) {
                unknown.add(key);
            } else if (entry.getValue().isObject() && fallback.isObject() && !fallback.isEmpty()) {
                collect(entry.getValue(), fallback, key + ".", unknown);
            }
        }
    }
}
