package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What .github/workflows/release.yml does to the repository once its images are built, run as GitHub Actions runs a
 * step ({@code bash -e}) in a clone: the plan step that decides which services' images to build
 * (.ci/images-to-release), the step that pins them in gitops/services/overlays/demo, and the step that commits and
 * pushes the pin. Building and pushing the images is GitHub's and ghcr.io's part, which no kwok node pulls anyway.
 */
final class ReleaseWorkflow {

    private final List<JsonNode> steps = new ArrayList<>();
    private final Path clone;
    private final Map<String, String> environment;

    private ReleaseWorkflow(Path clone, Map<String, String> environment) {
        this.clone = clone;
        this.environment = environment;
        try {
            JsonNode workflow = Manifests.YAML.readTree(clone.resolve(".github/workflows/release.yml").toFile());
            workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReleaseWorkflow in(Path clone, Map<String, String> environment) {
        return new ReleaseWorkflow(clone, environment);
    }

    /**
     * A release of the clone's HEAD by {@code owner}: pins the images of the services that need a new one at that
     * commit, and pushes the pin. Returns those services.
     */
    List<String> release(String owner) {
        String commit = CommandRun.run(List.of("git", "rev-parse", "HEAD"), environment, clone).orFail().strip();
        try {
            Path output = Files.createTempFile("github-output", ".txt");
            Map<String, String> values = new HashMap<>(Map.of("OWNER", owner, "IMAGE_TAG", commit));
            runStep(".ci/images-to-release", values, Map.of("GITHUB_OUTPUT", output.toString()));
            String services = Files.readAllLines(output).stream().filter(line -> line.startsWith("list="))
                    .map(line -> line.substring("list=".length())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the plan step printed no list= to GITHUB_OUTPUT"));
            Files.delete(output);
            values.put("SERVICES", services);
            runStep("kustomize edit set image", values, Map.of());
            runStep("git push", values, Map.of());
            return services.isBlank() ? List.of() : List.of(services.strip().split(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the step whose script contains {@code marker}, its env taken from {@code values}; fails if it fails. */
    private void runStep(String marker, Map<String, String> values, Map<String, String> runner) {
        JsonNode step = steps.stream().filter(candidate -> candidate.path("run").asText().contains(marker)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step of release.yml runs: " + marker));
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(runner);
        step.path("env").fieldNames().forEachRemaining(name -> {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("release.yml step '" + step.path("name").asText() + "' needs " + name
                        + ", which GitopsLoopIT does not provide");
            }
            env.put(name, values.get(name));
        });
        CommandRun run = CommandRun.run(List.of("bash", "-e", "-c", step.path("run").asText()), env, clone, "",
                Duration.ofMinutes(2));
        if (run.exitCode() != 0) {
            throw new AssertionError("release.yml step '" + step.path("name").asText() + "' failed:\n" + run.output());
        }
    }
}
