package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * bootstrap/up for real, against STAND-INS for AWS and the Kubernetes API server (see standin.sh): what it sends
 * them, in which order, and what it leaves behind. kubectl's local work (patch --local, create --dry-run=client,
 * kustomize) is done by the real kubectl.
 */
@ExtendWith(StandInMachines.class)
class UpRunTest {

    private static final String REPO_URL = "https://github.com/Example-Org/dapr-liberty.git";

    @Test
    void createsTheClusterThenInstallsArgoCdTheSecretAndTheRoot(StandInMachine machine) {
        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(machine.calls().stream().map(call -> firstWords(machine, call))).containsExactly(
                "aws sts get-caller-identity --query",
                "git remote get-url origin",
                "git rev-parse --abbrev-ref HEAD",
                "curl --silent --show-error --location",
                "kubectl kustomize gitops/services/overlays/demo",
                "curl --silent --show-error --location",
                "curl --silent --show-error --location",
                "curl --silent --show-error --location",
                "curl --silent --show-error --location",
                "aws eks list-clusters --region",
                "kubectl patch --local -f",
                "eksctl create cluster -f",
                "aws eks wait cluster-active",
                "aws eks update-kubeconfig --name",
                "kubectl --context dapr-demo apply",
                "kubectl --context dapr-demo --namespace",
                "kubectl --context dapr-demo --namespace",
                "kubectl --context dapr-demo --namespace",
                "kubectl create namespace datadog",
                "kubectl --context dapr-demo apply",
                "kubectl create secret generic",
                "kubectl --context dapr-demo apply",
                "kubectl kustomize <temporary directory>",
                "kubectl --context dapr-demo apply",
                "kubectl --context dapr-demo get");
        assertThat(up.stdout()).contains("done: these 7 Applications are Synced and Healthy", "== Ready.");
    }

    @Test
    void givesEksctlTheClusterConfigWithTheChosenNameAndRegion(StandInMachine machine) {
        Execution up = machine.run("bootstrap/up", "--cluster-name", "demo-2", "--region", "eu-west-1");

        assertThat(up.exitCode()).as(up.output()).isZero();
        JsonNode config = Yaml.documents(machine.received("eksctl-config.yaml")).get(0);
        assertThat(ClusterConfig.schemaProblems(config)).isEmpty();
        assertThat(config.path("metadata").path("name").asText()).isEqualTo("demo-2");
        assertThat(config.path("metadata").path("region").asText()).isEqualTo("eu-west-1");
        assertThat(config.path("managedNodeGroups")).isEqualTo(ClusterConfig.committed().path("managedNodeGroups"));
    }

    @Test
    void fillsInTheRootApplicationAndLeavesEverythingElseAsInGit(StandInMachine machine) {
        Execution up = machine.run("bootstrap/up", "--cluster-name", "demo-2", "--revision", "release-1",
                "--datadog-site", "datadoghq.eu");

        assertThat(up.exitCode()).as(up.output()).isZero();
        RootApplication applied = RootApplication.of(machine.received("applied.yaml"));
        RootApplication inGit = RootApplication.of(Repository.read("gitops/root-app.yaml"));
        assertThat(applied.projectSourceRepos()).containsExactly(REPO_URL);
        assertThat(applied.repoURL()).isEqualTo(REPO_URL);
        assertThat(applied.targetRevision()).isEqualTo("release-1");
        assertThat(applied.helmParameters()).containsEntry("datadog.clusterName", "demo-2")
                .containsEntry("datadog.site", "datadoghq.eu")
                .containsEntry("repoURL", "$ARGOCD_APP_SOURCE_REPO_URL")
                .containsEntry("targetRevision", "$ARGOCD_APP_SOURCE_TARGET_REVISION")
                .hasSameSizeAs(inGit.helmParameters());
        assertThat(applied.application().path("spec").path("syncPolicy"))
                .isEqualTo(inGit.application().path("spec").path("syncPolicy"));
        assertThat(machine.received("applied.yaml")).doesNotContain("OWNER/REPO");
    }

    @Test
    void theApiKeyReachesTheSecretButNoCommandLineOrFile(StandInMachine machine) throws IOException {
        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        String encoded = Base64.getEncoder().encodeToString(StandInMachine.API_KEY.getBytes(StandardCharsets.UTF_8));
        JsonNode secret = Yaml.object(Yaml.documents(machine.received("applied.yaml")), "Secret", "datadog-secret");
        assertThat(secret.path("metadata").path("namespace").asText()).isEqualTo("datadog");
        assertThat(secret.path("data").path("api-key").asText()).isEqualTo(encoded);
        assertThat(machine.calls()).noneMatch(call -> String.join(" ", call).contains(StandInMachine.API_KEY));
        assertThat(up.stdout() + up.stderr()).doesNotContain(StandInMachine.API_KEY, encoded);
        for (Path file : filesUnder(machine.directory().resolve("home"), machine.directory().resolve("tmp"))) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(StandInMachine.API_KEY, encoded);
        }
        assertThat(filesUnder(machine.directory().resolve("tmp"))).as("the temporary overlay is removed").isEmpty();
    }

    @Test
    void leavesAnExistingClusterAsItIs(StandInMachine machine) {
        machine.respond("aws-clusters", "other-cluster\tdapr-demo");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.stdout()).contains("the cluster exists: not creating it");
        assertThat(machine.calls()).noneMatch(call -> call.get(0).equals("eksctl"));
    }

    @Test
    void showsWhichApplicationsItStillWaitsFor(StandInMachine machine) {
        machine.respond("applications.1", "dapr-liberty Synced Progressing\ndatadog-operator OutOfSync Missing");

        Execution up = machine.run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.stdout()).contains("not yet: dapr-liberty (Synced, Progressing), datadog-operator (OutOfSync,"
                + " Missing), dapr (not created yet), datadog-agent (not created yet), dapr-dashboard (not created yet),"
                + " dapr-config (not created yet), services (not created yet)")
                .contains("done: these 7 Applications are Synced and Healthy");
    }

    @Test
    void givesUpAfterTheTimeoutNamingWhatIsNotReady(StandInMachine machine) {
        machine.respond("applications", "dapr-liberty Synced Progressing");

        Execution up = machine.run("bootstrap/up", "--timeout", "0");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("gave up after 0s waiting until these 7 Applications are Synced and Healthy",
                "dapr-liberty (Synced, Progressing)", "services (not created yet)");
        assertThat(up.stdout()).doesNotContain("== Ready.");
    }

    @Test
    void stopsWhenRootAppYamlNoLongerHasAPlaceholderItFillsIn(@TempDir Path checkout, StandInMachine machine)
            throws IOException {
        StandInMachine.releasedCheckout(checkout)
                .replace("gitops/root-app.yaml", "- name: datadog.clusterName", "- name: datadog.cluster");

        Execution up = machine.inCheckout(checkout).run("bootstrap/up");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.stderr()).contains("testing value /spec/source/helm/parameters/2/name failed",
                "gitops/root-app.yaml no longer has the placeholder up replaces at that path: "
                        + "update root_overlay in bootstrap/up");
        assertThat(machine.received("applied.yaml")).doesNotContain("kind: Application");
    }

    /** A call's first four words, the temporary directory up made named as such. */
    private static String firstWords(StandInMachine machine, List<String> call) {
        String tmp = machine.directory().resolve("tmp").toString();
        return call.stream().limit(4).map(word -> word.startsWith(tmp) ? "<temporary directory>" : word)
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static List<Path> filesUnder(Path... dirs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }
}
