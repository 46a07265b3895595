package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(StandInMachines.class)
class PrerequisitesTest {

    @Test
    void upNamesEveryMissingToolWithItsFixAtOnceAndStops(StandInMachine machine) {
        Execution up = machine.runWithoutTools("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains(
                "aws is not on PATH: install the AWS CLI v2 (https://docs.aws.amazon.com/cli/",
                "eksctl is not on PATH: install eksctl 0.225 or newer, which knows EKS 1.35 (https://eksctl.io/installation/)",
                "kubectl is not on PATH: install kubectl 1.34 or newer (https://kubernetes.io/docs/tasks/tools/)",
                "git is not on PATH: install git (https://git-scm.com/downloads)",
                "curl is not on PATH: install curl (https://curl.se/download.html)");
        assertThat(up.stdout()).doesNotContain("+ ");
    }

    @Test
    void upDryRunStillPrintsThePlanThenFails(StandInMachine machine) {
        Execution dryRun = machine.runWithoutTools("bootstrap/up", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isEqualTo(1);
        assertThat(Plan.of(dryRun).lines()).containsExactlyElementsOf(UpDryRunTest.DEFAULT_PLAN);
        assertThat(UpDryRunTest.rootOverlay(dryRun)).contains("\"value\":\"<repository URL>\"");
        assertThat(dryRun.stderr()).contains("aws is not on PATH", "eksctl is not on PATH", "kubectl is not on PATH",
                "git is not on PATH", "curl is not on PATH", "dry run only: fix the 5 missing prerequisite(s)");
    }

    @Test
    void downNamesEveryMissingToolAndStops(StandInMachine machine) {
        Execution down = machine.runWithoutTools("bootstrap/down", "--yes");

        assertThat(down.exitCode()).as(down.output()).isEqualTo(1);
        assertThat(down.stderr()).contains("aws is not on PATH", "eksctl is not on PATH", "kubectl is not on PATH");
        assertThat(down.stdout()).doesNotContain("+ ");
    }

    @Test
    void downDryRunStillPrintsThePlanThenFails(StandInMachine machine) {
        Execution dryRun = machine.runWithoutTools("bootstrap/down", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isEqualTo(1);
        assertThat(Plan.of(dryRun).lines()).containsExactlyElementsOf(DownDryRunTest.DEFAULT_PLAN);
        assertThat(dryRun.stderr()).contains("dry run only: fix the 3 missing prerequisite(s)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap/up", "bootstrap/down"})
    void stopsWhenAwsHasNoWorkingCredentials(String script, StandInMachine machine) {
        machine.respond("aws-identity.fail", "Unable to locate credentials.");

        Execution run = machine.run(script);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.stderr()).contains("no working AWS credentials (aws sts get-caller-identity failed): "
                + "run 'aws configure' or 'aws sso login', or set AWS_PROFILE");
        assertThat(machine.calls()).noneMatch(call -> call.contains("create") || call.contains("delete"));
    }

    @Test
    void upStopsWithoutAnApiKeyWhenThereIsNoTerminalToAskOn(StandInMachine machine) {
        Execution up = machine.withoutEnvironment("DD_API_KEY").run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("DD_API_KEY is not set and there is no terminal to ask on: "
                + "export DD_API_KEY=<your Datadog API key>");
        assertThat(machine.calls()).containsExactlyElementsOf(UpDryRunTest.PREREQUISITE_LOOKUPS);
    }

    @Test
    void upRejectsSomethingThatIsNotAnApiKey(StandInMachine machine) {
        Execution up = machine.withEnvironment("DD_API_KEY", "my-password").run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("DD_API_KEY is not a Datadog API key (32 hexadecimal characters)")
                .doesNotContain("my-password");
    }

    @Test
    void upNeedsARepositoryArgoCdCanPull(StandInMachine machine) {
        machine.respond("git-remote.fail", "error: No such remote 'origin'").respond("git-branch", "HEAD");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains(
                "this checkout has no git remote 'origin': push it to GitHub and add the remote, or pass --repo-url",
                "no current branch (detached HEAD or not a git checkout): check out a pushed branch, or pass --revision");
    }

    @Test
    void upRejectsARepositoryUrlThatIsNotHttps(StandInMachine machine) {
        Execution up = machine.run("bootstrap/up", "--repo-url", "file:///home/me/repo");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("repository URL 'file:///home/me/repo' is not an https URL Argo CD can pull");
    }
}
