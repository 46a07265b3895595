package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The root syncs its children in waves and waits for each wave to be healthy (health checks in gitops/argocd):
 * the project before its Applications, CRD-installing charts before the custom resources, and the Dapr
 * workloads after the sidecar injector, their Dapr Configuration and the Datadog Agent that receives their traces.
 */
final class SyncWaveCheck {

    private SyncWaveCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<String> problems = new ArrayList<>();
        int projectWave = GitopsTree.wave(tree.productProject());
        for (ObjectNode application : tree.applications()) {
            if (GitopsTree.wave(application) <= projectWave) {
                problems.add("Application " + Manifests.name(application) + " (wave " + GitopsTree.wave(application)
                        + ") syncs no later than its AppProject (wave " + projectWave + ")");
            }
        }
        for (ObjectNode object : tree.allDeployed()) {
            String app = tree.deployedBy(object);
            CrdProviders.chartFor(Manifests.group(object)).flatMap(chart -> chartApplication(tree, chart))
                    .ifPresent(provider -> requireBefore(tree, provider, app, Manifests.describe(object)
                            + " needs the CRD it installs", problems));
        }
        for (Workloads.Workload workload : Workloads.daprEnabled(tree.allDeployed())) {
            String app = tree.deployedBy(workload.owner());
            String need = workload.describe();
            chartApplication(tree, "dapr").ifPresent(dapr -> requireBefore(tree, dapr, app,
                    need + " needs Dapr's sidecar injector", problems));
            deployerOf(tree, "Configuration", workload.annotation("dapr.io/config")).ifPresent(config ->
                    requireBefore(tree, config, app, need + " needs its Dapr Configuration", problems));
            tree.allDeployed().stream().filter(o -> Manifests.kind(o).equals("DatadogAgent")).findFirst()
                    .map(tree::deployedBy).ifPresent(agent -> requireBefore(tree, agent, app,
                            need + " sends its traces to the Datadog Agent", problems));
        }
        return problems.stream().distinct().toList();
    }

    private static void requireBefore(GitopsTree tree, String first, String then, String why, List<String> problems) {
        int firstWave = GitopsTree.wave(tree.application(first));
        int thenWave = GitopsTree.wave(tree.application(then));
        if (firstWave >= thenWave) {
            problems.add("Application " + then + " (wave " + thenWave + ") must sync after " + first + " (wave "
                    + firstWave + "): " + why);
        }
    }

    private static Optional<String> chartApplication(GitopsTree tree, String chart) {
        return tree.applications().stream()
                .filter(app -> app.path("spec").path("source").path("chart").asText().equals(chart))
                .map(Manifests::name).findFirst();
    }

    private static Optional<String> deployerOf(GitopsTree tree, String kind, String name) {
        return tree.allDeployed().stream()
                .filter(o -> Manifests.kind(o).equals(kind) && Manifests.name(o).equals(name))
                .map(tree::deployedBy).findFirst();
    }
}
