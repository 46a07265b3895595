package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of .github/workflows/release.yml that pin the new images in gitops/ and push the pin, run as GitHub
 * Actions runs a step ({@code bash -e}) in a clone: what "Change and redeploy" says happens after a release.
 */
final class ReleaseWorkflow {

    private final JsonNode steps;

    private ReleaseWorkflow(JsonNode steps) {
        this.steps = steps;
    }

    static ReleaseWorkflow of(Path clone) {
        try {
            JsonNode workflow = Manifests.YAML.readTree(clone.resolve(".github/workflows/release.yml").toFile());
            for (JsonNode job : workflow.path("jobs")) {
                for (JsonNode step : job.path("steps")) {
                    if (step.path("run").asText().contains("kustomize edit set image")) {
                        return new ReleaseWorkflow(job.path("steps"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no job of release.yml pins images with kustomize edit set image");
    }

    /**
     * Runs the step whose script contains {@code marker}, with its env variables taken from {@code values}
     * (the values the workflow's expressions would have).
     */
    CommandRun runStep(String marker, Map<String, String> values, Path clone, Map<String, String> environment) {
        for (JsonNode step : steps) {
            String script = step.path("run").asText();
            if (script.contains(marker)) {
                Map<String, String> env = new HashMap<>(environment);
                step.path("env").fieldNames().forEachRemaining(name -> {
                    if (!values.containsKey(name)) {
                        throw new IllegalStateException("release.yml step '" + step.path("name").asText() + "' needs "
                                + name + ", which GitopsLoopIT does not provide");
                    }
                    env.put(name, values.get(name));
                });
                return CommandRun.run(List.of("bash", "-e", "-c", script), env, clone, "", Duration.ofMinutes(2));
            }
        }
        throw new IllegalStateException("no step of release.yml's pin job runs: " + marker);
    }
}
