package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .github/workflows: lint-clean, pinned, and the release's own shell steps run for real against copies. */
class WorkflowsTest {

    private static final List<String> WORKFLOWS = List.of(".github/workflows/ci.yml", ".github/workflows/release.yml");
    private static final List<String> SERVICES = List.of("comms-liberty", "greeter-liberty");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String PIN_STEP = "Pin the images in the demo overlay";
    private static final String COMMIT_STEP = "Commit and push the pin";

    private final Workflow ci = Workflow.read(".github/workflows/ci.yml");
    private final Workflow release = Workflow.read(".github/workflows/release.yml");

    @Test
    void actionlintAcceptsEveryWorkflow() {
        Execution actionlint = actionlint(Repository.ROOT, WORKFLOWS);

        assertThat(actionlint.exitCode()).as(actionlint.output()).isZero();
    }

    @Test
    void actionlintRejectsAWorkflowWithAShellMistake(@TempDir Path checkout) {
        CheckoutCopy.of(checkout, ".github/workflows/ci.yml")
                .replace(".github/workflows/ci.yml", "run: bash .ci/run", "run: cat $GITHUB_EVENT_PATH");

        Execution actionlint = actionlint(checkout, List.of(".github/workflows/ci.yml"));

        assertThat(actionlint.exitCode()).as(actionlint.output()).isNotZero();
        assertThat(actionlint.stdout()).contains("SC2086");
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersion() {
        assertThat(ci.unpinnedActions()).isEmpty();
        assertThat(release.unpinnedActions()).isEmpty();
        assertThat(ci.text() + release.text()).contains("uses: ");
    }

    @Test
    void thePinCheckRejectsATagOrABranch() {
        Workflow tagged = Workflow.of("example.yml", ci.text()
                .replace("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0", "actions/checkout@v5.0.0")
                .replace("actions/setup-go@44694675825211faa026b3c33043df3e48a5fa00 # v6.0.0", "actions/setup-go@main"));

        assertThat(tagged.unpinnedActions()).containsExactly("example.yml: actions/checkout@v5.0.0",
                "example.yml: actions/setup-go@main");
    }

    @Test
    void ciRunsTheTestCommandOnEveryPushAndPullRequest() {
        JsonNode on = ci.tree().path("on");
        assertThat(on.has("push")).isTrue();
        assertThat(on.path("push").isNull()).as("no branch or path filter on push").isTrue();
        assertThat(on.has("pull_request")).isTrue();
        assertThat(ci.step("verify", "bash .ci/run").path("run").asText()).isEqualTo("bash .ci/run");
    }

    @Test
    void releaseRunsOnlyAfterAGreenCiOfAPushToMain() {
        JsonNode trigger = release.tree().path("on").path("workflow_run");
        assertThat(trigger.path("workflows")).containsExactly(ci.tree().path("name"));
        assertThat(trigger.path("branches").toString()).isEqualTo("[\"main\"]");
        assertThat(release.job("images").path("if").asText()).isEqualTo(
                "github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push'");
        assertThat(release.job("deploy").path("needs").asText()).isEqualTo("images");
    }

    @Test
    void releaseBuildsBothImagesForAmd64AndArm64FromTheirContainerfilesAfterTheirWar() {
        JsonNode images = release.job("images");
        assertThat(images.path("strategy").path("matrix").path("service").toString())
                .isEqualTo("[\"comms-liberty\",\"greeter-liberty\"]");
        for (String service : SERVICES) {
            assertThat(Repository.path(service + "/Containerfile")).isRegularFile();
        }
        JsonNode build = release.step("images", "docker/build-push-action").path("with");
        assertThat(build.path("context").asText()).isEqualTo("${{ matrix.service }}");
        assertThat(build.path("file").asText()).isEqualTo("${{ matrix.service }}/Containerfile");
        assertThat(build.path("platforms").asText()).isEqualTo("linux/amd64,linux/arm64");
        assertThat(build.path("push").asBoolean()).isTrue();
        assertThat(build.path("tags").asText()).isEqualTo("${{ steps.image.outputs.name }}");
        assertThat(release.step("images", "Image name").path("env").path("TAG").asText())
                .isEqualTo("${{ github.event.workflow_run.head_sha }}");
        List<String> steps = new ArrayList<>();
        images.path("steps").forEach(step -> steps.add(step.path("name").asText(step.path("uses").asText())));
        assertThat(steps.indexOf("Build the WAR")).isNotNegative()
                .isLessThan(steps.indexOf("Build and push ${{ matrix.service }} for linux/amd64 and linux/arm64"));
    }

    @Test
    void theImageNameIsGhcrOfTheLowercasedOwnerTaggedWithTheCommit() throws IOException {
        Map<String, String> env = Map.of("OWNER", "Example-Org", "SERVICE", "comms-liberty", "TAG", SHA);
        Path output = Files.createTempFile("github-output", "");
        try {
            Execution step = runStep(release.step("images", "Image name"), Repository.ROOT,
                    with(env, "GITHUB_OUTPUT", output.toString()));

            assertThat(step.exitCode()).as(step.output()).isZero();
            assertThat(Files.readString(output)).isEqualTo("name=ghcr.io/example-org/comms-liberty:" + SHA + "\n");
        } finally {
            Files.delete(output);
        }
    }

    @Test
    void thePinStepPointsTheDemoOverlayAtTheImagesJustBuilt(@TempDir Path checkout) {
        copyServices(checkout);

        for (int run = 1; run <= 2; run++) {
            Execution pin = runStep(release.step("deploy", PIN_STEP), checkout, pinEnvironment());
            assertThat(pin.exitCode()).as("run " + run + ": " + pin.output()).isZero();
        }

        List<JsonNode> rendered = render(checkout.resolve("gitops/services/overlays/demo"));
        for (String service : SERVICES) {
            JsonNode deployment = Yaml.object(rendered, "Deployment", service.replace("-liberty", ""));
            assertThat(deployment.path("spec").path("template").path("spec").path("containers").path(0)
                    .path("image").asText()).isEqualTo("ghcr.io/example-org/" + service + ":" + SHA);
            assertThat(deployment.path("spec").path("template").path("metadata").path("labels")
                    .path("tags.datadoghq.com/version").asText()).as("Datadog's version of " + service).isEqualTo(SHA);
        }
    }

    @Test
    void theCommitStepPushesThePinOnTopOfAMainThatMovedMeanwhile(@TempDir Path dir) throws IOException {
        GitRemote remote = GitRemote.create(dir);
        Path runner = remote.cloneTo("runner");
        copyServices(runner);
        remote.commitAndPush(runner, "Services");
        Path runnerCheckout = remote.cloneTo("runner-checkout");
        Path colleague = remote.cloneTo("colleague");
        Files.writeString(colleague.resolve("NOTES.md"), "pushed while the images were building\n");
        remote.commitAndPush(colleague, "Notes");

        Execution pin = runStep(release.step("deploy", PIN_STEP), runnerCheckout, pinEnvironment());
        Execution commit = runStep(release.step("deploy", COMMIT_STEP), runnerCheckout, remote.environment(
                Map.of("IMAGE_TAG", SHA)));
        Execution again = runStep(release.step("deploy", COMMIT_STEP), runnerCheckout, remote.environment(
                Map.of("IMAGE_TAG", SHA)));

        assertThat(pin.exitCode()).as(pin.output()).isZero();
        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(remote.log()).containsExactly("Deploy " + SHA + " to demo", "Notes", "Services");
        assertThat(remote.show("main:gitops/services/overlays/demo/kustomization.yaml"))
                .contains("newName: ghcr.io/example-org/comms-liberty", "newTag: " + SHA);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).contains("The overlay already pins " + SHA + ": nothing to commit.");
    }

    @Test
    void shellStepsTakeTheirInputsFromEnvironmentVariablesNotExpressions() {
        for (Workflow workflow : List.of(ci, release)) {
            workflow.tree().path("jobs").forEach(job -> job.path("steps").forEach(step ->
                    assertThat(step.path("run").asText()).as(workflow.file() + ": " + step)
                            .doesNotContain("${{")));
        }
    }

    private static Execution actionlint(Path root, List<String> files) {
        List<String> command = new ArrayList<>(List.of(
                Tools.require("actionlint", ".ci/install-script-tools").toString(),
                "-shellcheck", Tools.require("shellcheck", ".ci/install-script-tools").toString(), "-no-color"));
        command.addAll(files);
        return Execution.run(command, Map.of("PATH", "/usr/bin:/bin"), root, "");
    }

    /** Runs a step's script the way GitHub's runner does (bash -eo pipefail) with the step's env filled in. */
    private static Execution runStep(JsonNode step, Path directory, Map<String, String> env) {
        return Execution.run(List.of(Tools.require("bash", "your package manager").toString(), "--noprofile",
                "--norc", "-eo", "pipefail", "-c", step.path("run").asText()), env, directory, "");
    }

    private static Map<String, String> pinEnvironment() {
        Path kustomize = Tools.require("kustomize", ".ci/install-script-tools");
        return Map.of("OWNER", "Example-Org", "IMAGE_TAG", SHA, "PATH", kustomize.getParent() + ":/usr/bin:/bin");
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(name, value);
        return more;
    }

    private static void copyServices(Path checkout) {
        CheckoutCopy.of(checkout, "gitops/services");
    }

    private static List<JsonNode> render(Path overlay) {
        Execution build = Execution.run(List.of(Tools.require("kustomize", ".ci/install-script-tools").toString(),
                "build", overlay.toString()), Map.of(), overlay, "");
        assertThat(build.exitCode()).as(build.output()).isZero();
        return Yaml.documents(build.stdout());
    }
}
