package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A kustomization rendered by the real kustomize (the one .ci/install-script-tools installs). */
final class Kustomize {

    private Kustomize() {
    }

    static List<JsonNode> build(Path dir) {
        Execution build = Execution.run(List.of(Tools.require("kustomize", ".ci/install-script-tools").toString(),
                "build", dir.toString()), Map.of(), dir, "");
        assertThat(build.exitCode()).as(build.output()).isZero();
        return Yaml.documents(build.stdout());
    }
}
