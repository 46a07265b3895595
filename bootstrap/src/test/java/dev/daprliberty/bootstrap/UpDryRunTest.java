package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StandInMachines.class)
class UpDryRunTest {

    /** What `up --dry-run` prints with the defaults, for the origin git@github.com:Example-Org/dapr-liberty.git. */
    static final List<String> DEFAULT_PLAN = List.of(
            "aws eks list-clusters --region us-west-2 --query clusters --output text",
            "kubectl patch --local -f bootstrap/cluster.yaml --type merge"
                    + " -p '{\"metadata\":{\"name\":\"dapr-demo\",\"region\":\"us-west-2\"}}' -o yaml"
                    + " | eksctl create cluster -f - --write-kubeconfig=false",
            "aws eks wait cluster-active --name dapr-demo --region us-west-2",
            "aws eks update-kubeconfig --name dapr-demo --region us-west-2 --alias dapr-demo",
            "kubectl --context dapr-demo apply --server-side --force-conflicts -k gitops/argocd",
            "kubectl --context dapr-demo --namespace argocd rollout status deployment/argocd-server --timeout=10m",
            "kubectl --context dapr-demo --namespace argocd rollout status deployment/argocd-repo-server --timeout=10m",
            "kubectl --context dapr-demo --namespace argocd rollout status statefulset/argocd-application-controller"
                    + " --timeout=10m",
            "kubectl create namespace datadog --dry-run=client -o yaml | kubectl --context dapr-demo apply -f -",
            "printf %s \"$DD_API_KEY\" | kubectl create secret generic datadog-secret --namespace datadog"
                    + " --from-file=api-key=/dev/stdin --dry-run=client -o yaml | kubectl --context dapr-demo apply -f -",
            "overlay=\"$(mktemp -d)\"",
            "cp gitops/root-app.yaml \"$overlay/\"",
            "cat >\"$overlay/kustomization.yaml\" <<'YAML'",
            "kubectl kustomize \"$overlay\" | kubectl --context dapr-demo apply -f -",
            "kubectl --context dapr-demo get applications.argoproj.io --namespace argocd"
                    + " -o 'jsonpath={range .items[*]}{.metadata.name} {.status.sync.status} {.status.health.status}"
                    + "{\"\\n\"}{end}'");

    /**
     * The read-only lookups up makes before its plan: who AWS thinks we are, the repository and the branch, what
     * GitHub says of the repository, the images the demo overlay pins and, for each, whether ghcr.io lets anyone pull
     * it.
     */
    static final List<List<String>> PREREQUISITE_LOOKUPS = prerequisiteLookups();

    private static List<List<String>> prerequisiteLookups() {
        List<List<String>> lookups = new ArrayList<>(List.of(
                List.of("aws", "sts", "get-caller-identity", "--query", "Arn", "--output", "text"),
                List.of("git", "remote", "get-url", "origin"),
                List.of("git", "rev-parse", "--abbrev-ref", "HEAD"),
                httpGet("https://api.github.com/repos/Example-Org/dapr-liberty", "-H", "Accept: application/vnd.github+json"),
                List.of("kubectl", "kustomize", "gitops/services/overlays/demo")));
        for (String service : List.of("comms-liberty", "greeter-liberty")) {
            lookups.add(httpGet("https://ghcr.io/token?scope=repository:example-org/" + service + ":pull"));
            lookups.add(httpGet("https://ghcr.io/v2/example-org/" + service + "/manifests/" + StandInMachine.RELEASED,
                    "-H", "Accept: application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest"
                            + ".list.v2+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution"
                            + ".manifest.v2+json", "-H", "Authorization: Bearer anonymous-pull"));
        }
        return List.copyOf(lookups);
    }

    /** A GET as up's http_get sends it. */
    private static List<String> httpGet(String url, String... options) {
        List<String> call = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--location", "--max-time", "20",
                "--write-out", "\\n%{http_code}"));
        call.addAll(List.of(options));
        call.add(url);
        return call;
    }

    @Test
    void printsEveryCommandInOrder(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(Plan.of(dryRun).lines()).containsExactlyElementsOf(DEFAULT_PLAN);
    }

    @Test
    void runsNothingButTheReadOnlyLookups(StandInMachine machine) {
        machine.run("bootstrap/up", "--dry-run");

        assertThat(machine.calls()).containsExactlyElementsOf(PREREQUISITE_LOOKUPS);
    }

    @Test
    void optionsReachTheCommands(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run", "--cluster-name", "demo-2", "--region", "eu-west-1",
                "--repo-url", "https://github.com/acme/fork.git", "--revision", "release-1",
                "--datadog-site", "datadoghq.eu");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(Plan.of(dryRun).lines()).contains(
                "kubectl patch --local -f bootstrap/cluster.yaml --type merge"
                        + " -p '{\"metadata\":{\"name\":\"demo-2\",\"region\":\"eu-west-1\"}}' -o yaml"
                        + " | eksctl create cluster -f - --write-kubeconfig=false",
                "aws eks update-kubeconfig --name demo-2 --region eu-west-1 --alias demo-2",
                "kubectl kustomize \"$overlay\" | kubectl --context demo-2 apply -f -");
        assertThat(rootOverlay(dryRun)).contains(
                "{\"op\":\"replace\",\"path\":\"/spec/sourceRepos/0\",\"value\":\"https://github.com/acme/fork.git\"}",
                "{\"op\":\"replace\",\"path\":\"/spec/source/repoURL\",\"value\":\"https://github.com/acme/fork.git\"}",
                "{\"op\":\"replace\",\"path\":\"/spec/source/targetRevision\",\"value\":\"release-1\"}",
                "{\"op\":\"replace\",\"path\":\"/spec/source/helm/parameters/2/value\",\"value\":\"demo-2\"}",
                "{\"op\":\"replace\",\"path\":\"/spec/source/helm/parameters/3/value\",\"value\":\"datadoghq.eu\"}");
        assertThat(machine.calls()).as("no git lookup when both are given").noneMatch(call -> call.get(0).equals("git"));
    }

    @Test
    void thePrintedRootOverlayReplaysWithRealKustomize(@TempDir Path overlay, StandInMachine machine)
            throws IOException {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run", "--revision", "release-1");
        Files.copy(Repository.path("gitops/root-app.yaml"), overlay.resolve("root-app.yaml"));
        Files.writeString(overlay.resolve("kustomization.yaml"), rootOverlay(dryRun));

        Execution kustomize = Execution.run(List.of(Tools.require("kubectl", ".ci/install-kube-tools").toString(),
                "kustomize", overlay.toString()), Map.of("HOME", overlay.toString()), overlay, "");

        assertThat(kustomize.exitCode()).as(kustomize.output()).isZero();
        RootApplication root = RootApplication.of(kustomize.stdout());
        assertThat(root.projectSourceRepos()).containsExactly("https://github.com/Example-Org/dapr-liberty.git");
        assertThat(root.repoURL()).isEqualTo("https://github.com/Example-Org/dapr-liberty.git");
        assertThat(root.targetRevision()).isEqualTo("release-1");
    }

    @Test
    void waitsForTheRootAndEveryApplicationItsChartCreates(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        List<String> children = HelmChart.render("gitops/apps").stream()
                .filter(object -> object.path("kind").asText().equals("Application"))
                .map(object -> object.path("metadata").path("name").asText()).toList();
        String root = RootApplication.of(Repository.read("gitops/root-app.yaml")).name();
        assertThat(dryRun.stdout()).containsPattern("until these \\d+ Applications are Synced and Healthy: ");
        assertThat(awaitedApplications(dryRun)).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of(root), children.stream()).toList());
    }

    @Test
    void turnsAnSshRemoteIntoItsHttpsUrl(StandInMachine machine) {
        machine.respond("git-remote", "ssh://git@github.com/Acme/demo.git");

        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.stdout()).contains("Argo CD will deploy https://github.com/Acme/demo.git at main");
    }

    @Test
    void usesTheCurrentBranch(StandInMachine machine) {
        machine.respond("git-branch", "feature/greet-in-french");

        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(rootOverlay(dryRun)).contains(
                "\"path\":\"/spec/source/targetRevision\",\"value\":\"feature/greet-in-french\"");
    }

    @Test
    void doesNotAskForTheApiKey(StandInMachine machine) {
        Execution dryRun = machine.withoutEnvironment("DD_API_KEY").run("bootstrap/up", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.stdout()).contains("DD_API_KEY is not set: a real run asks for it");
    }

    @Test
    void endsWithHowToReachTheDemo(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.stdout()).contains(
                "kubectl --context dapr-demo -n argocd port-forward svc/argocd-server 8443:443",
                "kubectl --context dapr-demo -n argocd get secret argocd-initial-admin-secret"
                        + " -o jsonpath='{.data.password}' | base64 -d",
                "kubectl --context dapr-demo -n dapr-system port-forward svc/dapr-dashboard 8080:8080",
                "kubectl --context dapr-demo -n dapr-services port-forward svc/comms 9080:9080",
                "curl -sS -X POST http://localhost:9080/greet -H 'Content-Type: application/json' -d '{\"name\":\"Ada\"}'",
                "https://app.datadoghq.com/apm/map", "https://app.datadoghq.com/apm/traces");
    }

    @Test
    void theGreetingCurlUsesThePortTheCommsServiceExposes(StandInMachine machine) {
        int port = GitopsServices.servicePort("gitops/services/base/comms.yaml", "comms");

        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.stdout()).contains("port-forward svc/comms " + port + ":" + port,
                "http://localhost:" + port + "/greet");
    }

    /** The kustomization.yaml the plan writes (its here-document). */
    static String rootOverlay(Execution dryRun) {
        String stdout = dryRun.stdout();
        int start = stdout.indexOf("<<'YAML'\n");
        int end = stdout.indexOf("\nYAML\n", start);
        assertThat(start).as("no root overlay here-document in:\n" + stdout).isNotNegative();
        return stdout.substring(start + "<<'YAML'\n".length(), end + 1);
    }

    /** The Application names in "until these N Applications are Synced and Healthy: a b c, for at most". */
    private static List<String> awaitedApplications(Execution dryRun) {
        Matcher names = Pattern.compile("Synced and Healthy: ([a-z0-9 -]+),").matcher(dryRun.stdout());
        assertThat(names.find()).as(dryRun.stdout()).isTrue();
        return List.of(names.group(1).split(" "));
    }
}
