package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A chart of this repository rendered by the real helm, with the values the root Application gives it. */
final class HelmChart {

    private HelmChart() {
    }

    static List<JsonNode> render(String chart) {
        Execution template = Execution.run(List.of(Tools.require("helm", ".ci/install-kube-tools").toString(),
                "template", chart, "--namespace", "argocd",
                "--set", "repoURL=https://github.com/Example-Org/dapr-liberty.git", "--set", "targetRevision=main",
                "--set", "datadog.clusterName=dapr-demo", "--set", "datadog.site=datadoghq.com"),
                Map.of("HOME", System.getProperty("java.io.tmpdir")), Repository.ROOT, "");
        assertThat(template.exitCode()).as(template.output()).isZero();
        return Yaml.documents(template.stdout());
    }
}
