package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * bootstrap/up refuses to deploy what the cluster could not pull (the repository, the pinned images) and warns about
 * what would surprise a first user. GitHub and ghcr.io are STAND-INS here (standin.sh answers as curl): by default a
 * public fork whose release pushed public multi-arch images.
 */
@ExtendWith(StandInMachines.class)
class WhatTheClusterPullsTest {

    private static final String COMMS = "ghcr.io/example-org/comms-liberty:" + StandInMachine.RELEASED;
    private static final String GREETER = "ghcr.io/example-org/greeter-liberty:" + StandInMachine.RELEASED;

    @Test
    void aReleasedPublicForkDeploysWithoutWarnings(StandInMachine machine) {
        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.stderr()).doesNotContain("warning");
    }

    @Test
    void refusesTheOverlaysPlaceholderNamingTheStepsOfAFirstRelease(@TempDir Path unreleased, StandInMachine machine) {
        StandInMachine.unreleasedCheckout(unreleased);

        Execution up = machine.inCheckout(unreleased).run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("gitops/services/overlays/demo still pins the placeholder "
                + "ghcr.io/OWNER/comms-liberty:unreleased ghcr.io/OWNER/greeter-liberty:unreleased: your repository has not"
                + " released its images yet. Enable GitHub Actions on your fork (its Actions tab), push to main, wait until"
                + " the workflows CI and Release are green, make the two packages public, then git pull the commit Release"
                + " made");
        assertThat(machine.calls()).noneMatch(call -> call.contains("create") || call.get(0).equals("eksctl"));
    }

    @Test
    void aDryRunReportsThePlaceholderTooButStillPrintsThePlan(@TempDir Path unreleased, StandInMachine machine) {
        StandInMachine.unreleasedCheckout(unreleased);

        Execution dryRun = machine.inCheckout(unreleased).run("bootstrap/up", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isEqualTo(1);
        assertThat(Plan.of(dryRun).lines()).containsExactlyElementsOf(UpDryRunTest.DEFAULT_PLAN);
        assertThat(dryRun.stderr()).contains("still pins the placeholder", "dry run only: fix the 1 missing prerequisite(s)");
    }

    @Test
    void refusesAnImageTheNodesCannotPullWithoutCredentials(StandInMachine machine) {
        machine.respond("ghcr-manifest.2", "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}\n401");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains(GREETER + " cannot be pulled without credentials (ghcr.io answered 401), and the"
                + " nodes pull without any: make the package public (GitHub: your profile > Packages > greeter-liberty >"
                + " Package settings > Change visibility > Public)").doesNotContain(COMMS);
    }

    @Test
    void refusesAnImageTheRegistryDoesNotHave(StandInMachine machine) {
        machine.respond("ghcr-manifest.1", "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}\n404");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("ghcr.io has no " + COMMS + ": the Release run of fedcba987654 did not push it");
    }

    @Test
    void refusesAnImageWithoutAnArm64VariantForTheGravitonNodes(StandInMachine machine) {
        machine.respond("ghcr-manifest", "{\"schemaVersion\":2,\"manifests\":[{\"platform\":{\"architecture\":\"amd64\","
                + "\"os\":\"linux\"}}]}\n200");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains(COMMS + " has no linux/arm64 variant, and the nodes are Graviton (arm64)",
                GREETER + " has no linux/arm64 variant");
    }

    @Test
    void refusesARepositoryArgoCdCannotPullWithoutCredentials(StandInMachine machine) {
        machine.respond("github-repository", "{\"message\":\"Not Found\"}\n404");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("GitHub shows https://github.com/Example-Org/dapr-liberty.git to no anonymous user"
                + " (private, or misspelled), and Argo CD pulls it without credentials");
    }

    @Test
    void warnsWhenTheBranchIsNotTheOneTheReleaseWorkflowPinsImagesOn(StandInMachine machine) {
        machine.respond("git-branch", "feature/greet-in-french");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.stderr()).contains("up: warning: Argo CD will deploy branch feature/greet-in-french, but the release"
                + " workflow builds images and pins them on main only");
    }

    @Test
    void theReleaseBranchIsTheOneTheReleaseWorkflowRunsOnAndPinsOn(StandInMachine machine) {
        Workflow release = Workflow.read(".github/workflows/release.yml");
        String branch = release.tree().at("/on/workflow_run/branches/0").asText();
        machine.respond("git-branch", branch);

        Execution up = machine.run("bootstrap/up");

        assertThat(release.step("deploy", "actions/checkout").at("/with/ref").asText()).isEqualTo(branch);
        assertThat(up.stderr()).doesNotContain("warning");
    }

    @Test
    void warnsWhenTheRepositoryIsNoForkSuchAsACloneOfTheUpstreamProject(StandInMachine machine) {
        machine.respond("github-repository", "{\"full_name\": \"Example-Org/dapr-liberty\", \"fork\": false}\n200");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.stderr()).contains("up: warning: https://github.com/Example-Org/dapr-liberty.git is not a fork."
                + " Unless it is your own repository (rather than, say, a clone of the upstream project), you cannot push"
                + " to it");
    }

    @Test
    void warnsWhenThePinnedImagesAreAnotherRepositorysRelease(StandInMachine machine) {
        Execution up = machine.run("bootstrap/up", "--repo-url", "https://github.com/acme/dapr-liberty.git");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.stderr()).contains("up: warning: gitops/services/overlays/demo pins " + COMMS + " " + GREETER
                + ": images another repository's release built, not https://github.com/acme/dapr-liberty.git's.");
    }
}
