package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic and parsing behind some checks, and the bootstrap contract. */
class CheckDetailsTest {

    @Test
    void theShippedDefaultAppPoliciesTakeAtMost1400Ms() {
        ObjectNode resiliency = Manifests.ofKind(Fixtures.tree().allDeployed(), "Resiliency").get(0);
        // 3 attempts x 400 ms + 2 constant pauses of 100 ms (see resiliency.yaml).
        assertThat(RetryBudget.appTargets(resiliency)).containsOnlyKeys(RetryBudget.EVERY_OTHER_APP);
        assertThat(RetryBudget.worstCase(resiliency.at("/spec/policies"), RetryBudget.appTargets(resiliency).get(RetryBudget.EVERY_OTHER_APP)))
                .isEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void goDurationsParseAsDaprReadsThem() {
        assertThat(RetryBudget.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryBudget.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> RetryBudget.parse("5 sec")).hasMessageContaining("not a Go duration");
    }

    @Test
    void imagesWithoutTagOrWithOnlyARegistryPortAreNotPinned() {
        assertThat(ImagePinCheck.isPinned("ghcr.io/acme/comms-liberty:0a1b2c3")).isTrue();
        assertThat(ImagePinCheck.isPinned("ghcr.io/acme/comms-liberty@sha256:" + "0".repeat(64))).isTrue();
        assertThat(ImagePinCheck.isPinned("localhost:5000/comms-liberty")).isFalse();
        assertThat(ImagePinCheck.isPinned("ghcr.io/acme/comms-liberty:edge")).isFalse();
    }

    @Test
    void rootAppYamlHasEachPlaceholderBootstrapReplaces() throws IOException {
        String rootApp = Files.readString(Fixtures.layout().gitops().resolve("root-app.yaml"));
        assertThat(BootstrapContract.problems(rootApp)).isEmpty();
        assertThat(BootstrapContract.apply(rootApp, BootstrapContract.EXAMPLE)).doesNotContain("OWNER/REPO", "dapr-demo");
    }

    @Test
    void aPlaceholderBootstrapWouldNotFindIsReported() throws IOException {
        String rootApp = Files.readString(Fixtures.layout().gitops().resolve("root-app.yaml"))
                .replace("targetRevision: main", "targetRevision: HEAD");
        assertThat(BootstrapContract.problems(rootApp)).containsExactly(
                "root-app.yaml has 'targetRevision: main' 0 times; bootstrap/up replaces it and expects it 1 time(s)");
    }
}
