package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The health checks gitops/argocd adds to Argo CD, run for real (luaj) against healthy and unhealthy objects. */
class HealthChecksTest {

    /** The Argo CD release whose CRDs ../shared/crds holds. */
    private static final String ARGO_CD_INSTALL = "https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/manifests/install.yaml";

    private static Path argocd() {
        return Fixtures.layout().gitops().resolve("argocd");
    }

    /** Each sample is assessed by the script Argo CD would pick for its kind: health/GROUP_KIND.lua. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "application-healthy.yaml    | Healthy     | ''",
            "application-outofsync.yaml  | Progressing | Healthy but OutOfSync: waiting for the sync to finish",
            "application-degraded.yaml   | Degraded    | Deployment comms exceeded its progress deadline",
            "application-new.yaml        | Progressing | Waiting for the Application to report its health",
            "datadogagent-running.yaml   | Healthy     | Agent Running (2/2/2), Cluster Agent Running (1/1/1)",
            "datadogagent-updating.yaml  | Progressing | Agent Updating (2/1/1)",
            "datadogagent-failed.yaml    | Degraded    | Cluster Agent Failed",
            "datadogagent-new.yaml       | Progressing | Waiting for the Datadog Operator to report the Agent"})
    void healthOf(String sample, String status, String message) {
        Path samples = Fixtures.layout().gitops().resolve("src/test/resources/health");
        ObjectNode resource = Manifests.read(samples.resolve(sample)).get(0);
        Path script = argocd().resolve("health").resolve(Manifests.group(resource) + "_" + Manifests.kind(resource) + ".lua");
        assertThat(new LuaHealthScript(script).assess(resource)).isEqualTo(new LuaHealthScript.Health(status, message));
    }

    @Test
    void argoCdIsInstalledFromItsReleaseManifestPinnedToTheTag() {
        ObjectNode kustomization = Manifests.read(argocd().resolve("kustomization.yaml")).get(0);
        assertThat(kustomization.path("resources")).extracting(node -> node.asText()).contains(ARGO_CD_INSTALL);
    }

    @Test
    void argocdCmGetsBothHealthChecksVerbatimFromTheLuaFiles(@TempDir Path dir) throws IOException {
        // Stand-in for Argo CD's install.yaml (no network here): its argocd-cm as upstream ships it, without data.
        Path copy = Fixtures.layout().copyTo(dir).gitops().resolve("argocd");
        Files.writeString(copy.resolve("upstream-stand-in.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: argocd-cm
                  labels:
                    app.kubernetes.io/name: argocd-cm
                    app.kubernetes.io/part-of: argocd
                """);
        Path kustomization = copy.resolve("kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization).replace(ARGO_CD_INSTALL, "upstream-stand-in.yaml"));

        List<ObjectNode> rendered = Manifests.parse(KubeTools.fromEnvironment().kustomize(copy));

        ObjectNode configMap = Manifests.ofKind(rendered, "ConfigMap").get(0);
        assertThat(Manifests.describe(configMap)).isEqualTo("ConfigMap argocd/argocd-cm");
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> scripts = Files.list(argocd().resolve("health"))) {
            for (Path script : scripts.toList()) {
                String groupKind = script.getFileName().toString().replace(".lua", "");
                expected.put("resource.customizations.health." + groupKind, Files.readString(script));
            }
        }
        assertThat(expected).containsOnlyKeys("resource.customizations.health.argoproj.io_Application",
                "resource.customizations.health.datadoghq.com_DatadogAgent");
        assertThat(Manifests.YAML.convertValue(configMap.path("data"), Map.class)).isEqualTo(expected);
        assertThat(new ApiSchemas(Fixtures.crds()).problems(rendered)).isEmpty();
    }
}
