package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RenderTest {

    /** Every kustomization in gitops/, except gitops/argocd whose upstream base is remote (HealthChecksTest renders it with a stand-in). */
    static Stream<Path> kustomizations() throws IOException {
        Path gitops = Fixtures.layout().gitops();
        try (Stream<Path> files = Files.walk(gitops)) {
            List<Path> dirs = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).filter(dir -> !dir.startsWith(gitops.resolve("argocd"))).sorted().toList();
            assertThat(dirs).hasSizeGreaterThanOrEqualTo(6);
            return dirs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyKustomizationRendersWithRealKustomize(Path dir) {
        assertThat(Manifests.parse(KubeTools.fromEnvironment().kustomize(dir))).isNotEmpty();
    }

    @Test
    void theRootsChartRendersTheSixChildApplicationsAndTheirProject() {
        GitopsTree tree = Fixtures.tree();
        assertThat(tree.applications()).extracting(Manifests::name).containsExactlyInAnyOrder(
                "datadog-operator", "dapr", "datadog-agent", "dapr-dashboard", "dapr-config", "services");
        assertThat(Manifests.name(tree.productProject())).isEqualTo("dapr-liberty");
    }

    @Test
    void theRenderedTreeHoldsEveryKindTheChecksLookAt() {
        assertThat(Fixtures.tree().everything()).extracting(Manifests::kind).contains("Application", "AppProject",
                "Configuration", "Resiliency", "DatadogAgent", "Namespace", "Deployment", "Service", "PodDisruptionBudget");
    }

    @Test
    void childrenDeployFromTheRootsRepositoryAndRevisionWhichArgoCdPassesAsHelmParameters() {
        GitopsTree tree = Fixtures.tree();
        JsonNode parameters = tree.rootApplication.path("spec").path("source").path("helm").path("parameters");
        assertThat(parameters.findValuesAsText("value"))
                .contains("$ARGOCD_APP_SOURCE_REPO_URL", "$ARGOCD_APP_SOURCE_TARGET_REVISION");
        for (String child : List.of("datadog-agent", "dapr-config", "services")) {
            JsonNode source = tree.application(child).path("spec").path("source");
            assertThat(source.path("repoURL").asText()).isEqualTo(BootstrapContract.EXAMPLE.repoUrl());
            assertThat(source.path("targetRevision").asText()).isEqualTo(BootstrapContract.EXAMPLE.revision());
        }
        assertThat(tree.productProject().path("spec").path("sourceRepos").get(0).asText())
                .isEqualTo(BootstrapContract.EXAMPLE.repoUrl());
    }

    @Test
    void theClusterNameAndSiteFromTheRootReachTheDatadogAgent() {
        ObjectNode agent = Manifests.ofKind(Fixtures.tree().deployed.get("datadog-agent"), "DatadogAgent").get(0);
        assertThat(agent.at("/spec/global/clusterName").asText()).isEqualTo(BootstrapContract.EXAMPLE.clusterName());
        assertThat(agent.at("/spec/global/site").asText()).isEqualTo(BootstrapContract.EXAMPLE.site());
    }

    @Test
    void renderingTheChartWithoutTheRootsRepositoryFailsSayingWhoSetsIt() {
        Path chart = Fixtures.layout().gitops().resolve("apps");
        assertThatThrownBy(() -> KubeTools.fromEnvironment().helmTemplate("dapr-liberty", chart, "argocd",
                Map.of("targetRevision", "main", "datadog.clusterName", "c", "datadog.site", "datadoghq.com")))
                .isInstanceOf(KubeTools.RenderException.class)
                .hasMessageContaining("repoURL is empty: the root Application sets it to $ARGOCD_APP_SOURCE_REPO_URL");
    }

    @Test
    void theLocalOverlayReusesTheClusterSpecsChangingOnlyTraceEndpointNameResolutionAndMtls() {
        Path dapr = Fixtures.layout().gitops().resolve("dapr-config/overlays");
        List<ObjectNode> local = Manifests.parse(KubeTools.fromEnvironment().kustomize(dapr.resolve("local")));
        List<ObjectNode> cluster = Manifests.parse(KubeTools.fromEnvironment().kustomize(dapr.resolve("kubernetes")));
        ObjectNode localSpec = (ObjectNode) Manifests.ofKind(local, "Configuration").get(0).path("spec");
        ObjectNode clusterSpec = (ObjectNode) Manifests.ofKind(cluster, "Configuration").get(0).path("spec");
        assertThat(localSpec.at("/tracing/otel/endpointAddress").asText()).isEqualTo("localhost:4318");
        assertThat(localSpec.at("/nameResolution/component").asText()).isEqualTo("sqlite");
        assertThat(clusterSpec.has("nameResolution")).isFalse();
        // The local Sentry's settings are the ones the Dapr chart gives the cluster's (global.mtls).
        JsonNode chartMtls = ChartDefaults.load(Fixtures.layout().shared(), "dapr", "1.18.3").orElseThrow().at("/global/mtls");
        assertThat(localSpec.at("/mtls/enabled").asBoolean()).isTrue();
        assertThat(localSpec.at("/mtls/workloadCertTTL")).isEqualTo(chartMtls.get("workloadCertTTL"));
        assertThat(localSpec.at("/mtls/allowedClockSkew")).isEqualTo(chartMtls.get("allowedClockSkew"));
        assertThat(clusterSpec.has("mtls")).as("the cluster's mTLS settings are the chart's, not the app Configuration's").isFalse();

        ((ObjectNode) localSpec.at("/tracing/otel")).set("endpointAddress",
                clusterSpec.at("/tracing/otel/endpointAddress"));
        localSpec.remove(List.of("nameResolution", "mtls"));
        assertThat(localSpec).as("everything else, access control included, is the cluster's").isEqualTo(clusterSpec);
        assertThat(Manifests.ofKind(local, "Resiliency").get(0).path("spec"))
                .isEqualTo(Manifests.ofKind(cluster, "Resiliency").get(0).path("spec"));
    }
}
