package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeToolsTest {

    @Test
    void findsKubectlWithKustomizeAndHelm4OnThePath() {
        assertThat(KubeTools.fromEnvironment()).isNotNull();
    }

    @Test
    void aMissingToolFailsNamingTheToolAndTheInstaller(@TempDir Path emptyDir) {
        assertThatThrownBy(() -> KubeTools.onPath(emptyDir.toString()))
                .hasMessageStartingWith("kubectl not on PATH: run .ci/install-kube-tools");
    }
}
