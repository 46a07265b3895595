package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** .github/workflows: lint-clean, pinned, and their own shell steps run for real against copies and stand-ins. */
@ExtendWith(StandInMachines.class)
class WorkflowsTest {

    private static final List<String> WORKFLOWS = List.of(".github/workflows/ci.yml", ".github/workflows/release.yml");
    private static final List<String> SERVICES = List.of("comms-liberty", "greeter-liberty");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String PIN_STEP = "Pin the images in the demo overlay";
    private static final String COMMIT_STEP = "Commit and push the pin";
    private static final String MERGE_STEP = "Merge linux/amd64 and linux/arm64 into one image";
    private static final String GREEN_PUSH =
            "github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push'";

    private static final String RESTORE_STEP = "Restore what the installers built";
    private static final String INSTALL_STEP = "Fetch the reference data, run the installers";
    private static final String SAVE_STEP = "Save what the installers built";
    /** The Go modules the installers build: the module, the installer, the variable in it that pins the version. */
    private static final List<List<String>> GO_BUILDS = List.of(
            List.of("github.com/dapr/dapr", ".ci/install-daprd", "DAPR_VERSION"),
            List.of("k8s.io/kubernetes", ".ci/install-gitops-loop", "KUBERNETES_VERSION"),
            List.of("go.etcd.io/etcd/server/v3", ".ci/install-gitops-loop", "ETCD_VERSION"),
            List.of("sigs.k8s.io/kwok", ".ci/install-gitops-loop", "KWOK_VERSION"),
            List.of("github.com/argoproj/argo-cd/v3", ".ci/install-gitops-loop", "ARGOCD_VERSION"),
            List.of("helm.sh/helm/v4", ".ci/install-gitops-loop", "HELM_VERSION"),
            List.of("sigs.k8s.io/kustomize/kustomize/v5", ".ci/install-gitops-loop", "KUSTOMIZE_VERSION"),
            List.of("sigs.k8s.io/kustomize/kustomize/v5", ".ci/install-script-tools", "KUSTOMIZE_VERSION"),
            List.of("github.com/rhysd/actionlint", ".ci/install-script-tools", "ACTIONLINT_VERSION"),
            List.of("github.com/itchyny/gojq", ".ci/install-script-tools", "GOJQ_VERSION"));

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
                .replace(".github/workflows/ci.yml", "run: bash .ci/run --install-only", "run: cat $GITHUB_EVENT_PATH");

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

        assertThat(tagged.unpinnedActions()).contains("example.yml: actions/checkout@v5.0.0",
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
    void ciCachesWhatTheInstallersBuildAndSavesItBeforeTheTestsRun() {
        JsonNode restore = ci.step("verify", RESTORE_STEP);
        JsonNode save = ci.step("verify", SAVE_STEP);
        String id = restore.path("id").asText();
        assertThat(restore.path("uses").asText()).startsWith("actions/cache/restore@");
        assertThat(restore.at("/with/path").asText().lines())
                .containsExactlyInAnyOrder("~/.local/bin", "~/.cache/dapr-liberty");
        assertThat(restore.at("/with/key").asText()).contains("${{ hashFiles('.ci/install-*') }}");
        assertThat(restore.path("with").has("restore-keys")).as("a changed installer builds afresh").isFalse();
        assertThat(save.path("uses").asText()).startsWith("actions/cache/save@");
        assertThat(save.at("/with/path").asText()).isEqualTo(restore.at("/with/path").asText());
        assertThat(save.at("/with/key").asText()).isEqualTo("${{ steps." + id + ".outputs.cache-primary-key }}");
        assertThat(save.path("if").asText()).isEqualTo("steps." + id + ".outputs.cache-hit != 'true'");
        assertThat(ci.step("verify", INSTALL_STEP).path("run").asText()).isEqualTo("bash .ci/run --install-only");
        assertThat(stepNames(ci, "verify")).containsSubsequence(RESTORE_STEP, INSTALL_STEP, SAVE_STEP, "bash .ci/run");
    }

    @Test
    void theCachedFoldersAreWhereTheInstallersPutWhatTheyBuild() {
        for (String installer : List.of(".ci/install-daprd", ".ci/install-gitops-loop")) {
            assertThat(Repository.read(installer)).as(installer)
                    .contains("${DAPR_LIBERTY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dapr-liberty}");
        }
        for (String installer : List.of(".ci/install-script-tools", ".ci/install-kube-tools")) {
            assertThat(Repository.read(installer)).as(installer)
                    .contains("TOOLS_BIN=\"${TOOLS_BIN:-$HOME/.local/bin}\"");
        }
        assertThat(ci.text()).as("nothing moves them")
                .doesNotContain("DAPR_LIBERTY_CACHE", "XDG_CACHE_HOME", "TOOLS_BIN");
    }

    @Test
    void theInstallStepRunsEveryInstallerButNoTestAndTheTestStepRunsThemAll(@TempDir Path checkout) throws IOException {
        CheckoutCopy.of(checkout, ".ci/run");
        Path log = checkout.resolve("ran.log");
        for (String standIn : List.of(".ci/fetch-reference-data", ".ci/install-one", ".ci/install-two", "mvnw")) {
            Path script = checkout.resolve(standIn);
            Files.writeString(script, "#!/usr/bin/env bash\n# STAND-IN for what .ci/run runs\necho \"" + standIn
                    + " $*\" >>\"" + log + "\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", checkout.toString());

        Execution install = ci.run("verify", INSTALL_STEP, checkout, env);

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly(".ci/fetch-reference-data ", ".ci/install-one ",
                ".ci/install-two ");
        Files.delete(log);

        Execution test = ci.run("verify", "bash .ci/run", checkout, env);

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly(".ci/fetch-reference-data ", ".ci/install-one ",
                ".ci/install-two ", "mvnw verify");
    }

    @Test
    void ciBuildsWithAGoThatEveryModuleTheInstallersBuildAccepts() throws IOException {
        String go = ci.step("verify", "actions/setup-go").at("/with/go-version").asText();
        List<String> command = new ArrayList<>(List.of(Tools.require("go", "your package manager").toString(),
                "list", "-m", "-json"));
        for (List<String> build : GO_BUILDS) {
            String version = Repository.pinned(build.get(1), build.get(2));
            command.add(build.get(0) + "@" + (version.startsWith("v") ? version : "v" + version));
        }

        Execution list = Execution.run(command, System.getenv(), Repository.ROOT, "");

        assertThat(list.exitCode()).as(list.output()).isZero();
        Map<String, String> required = new HashMap<>();
        try (MappingIterator<JsonNode> modules =
                new ObjectMapper().readerFor(JsonNode.class).readValues(list.stdout())) {
            modules.forEachRemaining(module -> required.put(module.path("Path").asText() + "@"
                    + module.path("Version").asText(), module.path("GoVersion").asText()));
        }
        assertThat(required).as("the go line of each module's go.mod").hasSize(GO_BUILDS.size())
                .allSatisfy((module, needs) -> assertThat(atLeast(go, needs))
                        .as("CI's Go " + go + " for " + module + ", which needs go " + needs).isTrue());
    }

    @Test
    void theGoVersionCheckComparesNumbersNotText() {
        assertThat(atLeast("1.26.8", "1.26.6")).isTrue();
        assertThat(atLeast("1.26.10", "1.26.9")).isTrue();
        assertThat(atLeast("1.26", "1.26.0")).isTrue();
        assertThat(atLeast("1.25.0", "1.26.6")).isFalse();
        assertThat(atLeast("1.26.5", "1.26.6")).isFalse();
    }

    @Test
    void ciStartsEachImageItBuiltAsTheClusterDoesOnAmd64AndArm64() {
        JsonNode smoke = ci.job("image-smoke");
        assertThat(smoke.at("/strategy/matrix/service").toString()).isEqualTo("[\"comms-liberty\",\"greeter-liberty\"]");
        assertThat(smoke.at("/strategy/matrix/runner").toString()).isEqualTo("[\"ubuntu-24.04\",\"ubuntu-24.04-arm\"]");
        assertThat(smoke.path("runs-on").asText()).isEqualTo("${{ matrix.runner }}");
        JsonNode build = ci.step("image-smoke", "Build the image").path("with");
        assertThat(build.path("context").asText()).isEqualTo("${{ matrix.service }}");
        assertThat(build.path("file").asText()).isEqualTo("Containerfile");
        assertThat(build.path("load").asBoolean()).as("into the runner's docker, for the smoke test").isTrue();
        assertThat(build.has("platforms")).as("this runner's own architecture, no emulation").isFalse();
        JsonNode start = ci.step("image-smoke", "Start it as the cluster does, wait for ready, greet");
        assertThat(start.path("run").asText()).isEqualTo("bash .ci/smoke-image \"$IMAGE\"");
        assertThat(start.at("/env/IMAGE").asText()).isEqualTo(build.path("tags").asText());
        assertThat(ci.step("image-smoke", "Install kustomize and gojq").path("run").asText())
                .contains("bash .ci/install-script-tools kustomize gojq");
        assertThat(stepNames(ci, "image-smoke")).containsSubsequence("Build the WAR", "Build the image",
                "Start it as the cluster does, wait for ready, greet");
    }

    @Test
    void releaseRunsOnlyAfterAGreenCiOfAPushToMainAndOnlyForImagesThatChanged() {
        JsonNode trigger = release.tree().path("on").path("workflow_run");
        assertThat(trigger.path("workflows")).containsExactly(ci.tree().path("name"));
        assertThat(trigger.path("branches").toString()).isEqualTo("[\"main\"]");
        assertThat(release.job("plan").path("if").asText()).isEqualTo(GREEN_PUSH);
        assertThat(release.step("plan", "actions/checkout").at("/with/fetch-depth").asInt())
                .as("the whole history, back to the pinned commit").isZero();
        assertThat(release.step("plan", "Images to build").path("run").asText())
                .isEqualTo("bash .ci/images-to-release >> \"$GITHUB_OUTPUT\"");
        assertThat(release.job("images").path("needs").asText()).isEqualTo("plan");
        assertThat(release.job("images").path("if").asText()).isEqualTo("needs.plan.outputs.list != ''");
        assertThat(release.job("images").at("/strategy/matrix/service").asText())
                .isEqualTo("${{ fromJSON(needs.plan.outputs.matrix) }}");
        assertThat(release.job("manifests").path("needs").toString()).isEqualTo("[\"plan\",\"images\"]");
        assertThat(release.job("deploy").path("needs").toString()).isEqualTo("[\"plan\",\"manifests\"]");
        assertThat(release.step("deploy", PIN_STEP).at("/env/SERVICES").asText())
                .isEqualTo("${{ needs.plan.outputs.list }}");
    }

    @Test
    void releaseBuildsEachArchitectureNativelyOnItsOwnRunnerFromTheContainerfileAfterTheWar() {
        JsonNode matrix = release.job("images").path("strategy").path("matrix");
        assertThat(matrix.path("arch").toString()).isEqualTo("[\"amd64\",\"arm64\"]");
        assertThat(matrix.path("include").toString()).isEqualTo(
                "[{\"arch\":\"amd64\",\"runner\":\"ubuntu-24.04\"},{\"arch\":\"arm64\",\"runner\":\"ubuntu-24.04-arm\"}]");
        assertThat(release.job("images").path("runs-on").asText()).isEqualTo("${{ matrix.runner }}");
        assertThat(release.text() + ci.text()).as("no emulation").doesNotContain("setup-qemu-action");
        assertThat(Repository.path("Containerfile")).isRegularFile();
        JsonNode build = release.step("images", "docker/build-push-action").path("with");
        assertThat(build.path("context").asText()).isEqualTo("${{ matrix.service }}");
        assertThat(build.path("file").asText()).isEqualTo("Containerfile");
        assertThat(build.path("platforms").asText()).isEqualTo("linux/${{ matrix.arch }}");
        assertThat(build.path("push").asBoolean()).isTrue();
        assertThat(build.path("tags").asText()).isEqualTo("${{ steps.image.outputs.name }}-${{ matrix.arch }}");
        assertThat(build.path("cache-from").asText()).as("the layers CI's image-smoke job cached")
                .isEqualTo(ci.step("image-smoke", "Build the image").at("/with/cache-from").asText());
        assertThat(release.step("images", "Image name").path("env").path("TAG").asText())
                .isEqualTo("${{ github.event.workflow_run.head_sha }}");
        assertThat(stepNames(release, "images")).containsSubsequence("Build the WAR",
                "Build and push ${{ matrix.service }} for linux/${{ matrix.arch }}");
    }

    @Test
    void theImageNameIsGhcrOfTheLowercasedOwnerTaggedWithTheCommit() throws IOException {
        Map<String, String> env = Map.of("OWNER", "Example-Org", "SERVICE", "comms-liberty", "TAG", SHA);
        Path output = Files.createTempFile("github-output", "");
        try {
            Execution step = release.run("images", "Image name", Repository.ROOT,
                    with(env, "GITHUB_OUTPUT", output.toString()));

            assertThat(step.exitCode()).as(step.output()).isZero();
            assertThat(Files.readString(output)).isEqualTo("name=ghcr.io/example-org/comms-liberty:" + SHA + "\n");
        } finally {
            Files.delete(output);
        }
    }

    @Test
    void theMergeStepMakesOneImageOfTheTwoArchitecturesTheImagesJobPushed(StandInMachine machine) {
        Execution merge = machine.runShell(release.step("manifests", MERGE_STEP).path("run").asText(),
                Map.of("OWNER", "Example-Org", "SERVICE", "greeter-liberty", "TAG", SHA));

        assertThat(merge.exitCode()).as(merge.output()).isZero();
        String image = "ghcr.io/example-org/greeter-liberty:" + SHA;
        List<String> pushed = new ArrayList<>();
        release.job("images").at("/strategy/matrix/arch").forEach(arch -> pushed.add(image + "-" + arch.asText()));
        List<String> create = new ArrayList<>(List.of("docker", "buildx", "imagetools", "create", "--tag", image));
        create.addAll(pushed);
        assertThat(machine.calls()).containsExactly(create,
                List.of("docker", "buildx", "imagetools", "inspect", image));
    }

    @Test
    void thePinStepPointsTheDemoOverlayAtTheImagesJustBuilt(@TempDir Path checkout) {
        copyServices(checkout);

        for (int run = 1; run <= 2; run++) {
            Execution pin = release.run("deploy", PIN_STEP, checkout, pinEnvironment(String.join(" ", SERVICES)));
            assertThat(pin.exitCode()).as("run " + run + ": " + pin.output()).isZero();
        }

        List<JsonNode> rendered = Kustomize.build(checkout.resolve("gitops/services/overlays/demo"));
        for (String service : SERVICES) {
            assertThat(image(rendered, service)).isEqualTo("ghcr.io/example-org/" + service + ":" + SHA);
            assertThat(Yaml.object(rendered, "Deployment", deployment(service))
                    .at("/spec/template/metadata/labels/tags.datadoghq.com~1version").asText())
                    .as("Datadog's version of " + service).isEqualTo(SHA);
        }
    }

    @Test
    void thePinStepLeavesTheImagesItDidNotBuildAsTheyWere(@TempDir Path checkout) {
        copyServices(checkout);

        Execution pin = release.run("deploy", PIN_STEP, checkout, pinEnvironment("greeter-liberty"));

        assertThat(pin.exitCode()).as(pin.output()).isZero();
        List<JsonNode> rendered = Kustomize.build(checkout.resolve("gitops/services/overlays/demo"));
        assertThat(image(rendered, "greeter-liberty")).isEqualTo("ghcr.io/example-org/greeter-liberty:" + SHA);
        assertThat(image(rendered, "comms-liberty")).isEqualTo("ghcr.io/OWNER/comms-liberty:unreleased");
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

        Execution pin = release.run("deploy", PIN_STEP, runnerCheckout, pinEnvironment(String.join(" ", SERVICES)));
        Execution commit = release.run("deploy", COMMIT_STEP, runnerCheckout,
                remote.environment(Map.of("IMAGE_TAG", SHA)));
        Execution again = release.run("deploy", COMMIT_STEP, runnerCheckout,
                remote.environment(Map.of("IMAGE_TAG", SHA)));

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

    /** Whether Go version {@code version} is {@code needed} or newer (1.26 is 1.26.0). */
    private static boolean atLeast(String version, String needed) {
        String[] have = version.split("\\.");
        String[] need = needed.split("\\.");
        for (int i = 0; i < Math.max(have.length, need.length); i++) {
            int difference = Integer.compare(i < have.length ? Integer.parseInt(have[i]) : 0,
                    i < need.length ? Integer.parseInt(need[i]) : 0);
            if (difference != 0) {
                return difference > 0;
            }
        }
        return true;
    }

    private static List<String> stepNames(Workflow workflow, String job) {
        List<String> steps = new ArrayList<>();
        workflow.job(job).path("steps").forEach(step -> steps.add(step.path("name").asText(step.path("uses").asText())));
        return steps;
    }

    private static Map<String, String> pinEnvironment(String services) {
        Path kustomize = Tools.require("kustomize", ".ci/install-script-tools");
        return Map.of("OWNER", "Example-Org", "IMAGE_TAG", SHA, "SERVICES", services,
                "PATH", kustomize.getParent() + ":/usr/bin:/bin");
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(name, value);
        return more;
    }

    private static String deployment(String service) {
        return service.replace("-liberty", "");
    }

    private static String image(List<JsonNode> rendered, String service) {
        return Yaml.object(rendered, "Deployment", deployment(service)).at("/spec/template/spec/containers/0/image")
                .asText();
    }

    private static void copyServices(Path checkout) {
        CheckoutCopy.of(checkout, "gitops/services");
    }
}
