package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpDryRunTest {

    static final String API_KEY = "0123456789abcdef0123456789abcdef";

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
            "kubectl patch --local -f gitops/root-project.yaml --type merge"
                    + " -p '{\"spec\":{\"sourceRepos\":[\"https://github.com/Example-Org/dapr-liberty.git\"]}}' -o yaml"
                    + " | kubectl --context dapr-demo apply -f -",
            "kubectl patch --local -f gitops/root-app.yaml --type merge -p '{\"spec\":{\"source\":{"
                    + "\"repoURL\":\"https://github.com/Example-Org/dapr-liberty.git\",\"targetRevision\":\"main\","
                    + "\"helm\":{\"valuesObject\":{\"datadog\":{\"clusterName\":\"dapr-demo\",\"site\":\"datadoghq.com\"}}}}}}'"
                    + " -o yaml | kubectl --context dapr-demo apply -f -",
            "kubectl --context dapr-demo get applications.argoproj.io --namespace argocd"
                    + " -o 'jsonpath={range .items[*]}{.metadata.name} {.status.sync.status} {.status.health.status}"
                    + "{\"\\n\"}{end}'");

    /** The read-only lookups up makes before its plan: who AWS thinks we are, the repository and the branch. */
    static final List<List<String>> PREREQUISITE_LOOKUPS = List.of(
            List.of("aws", "sts", "get-caller-identity", "--query", "Arn", "--output", "text"),
            List.of("git", "remote", "get-url", "origin"),
            List.of("git", "rev-parse", "--abbrev-ref", "HEAD"));

    StandInMachine machine;

    @BeforeEach
    void machine(@TempDir Path dir) {
        machine = new StandInMachine(dir).withEnvironment("DD_API_KEY", API_KEY);
    }

    @Test
    void printsEveryCommandInOrder() {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(Plan.of(dryRun).lines()).containsExactlyElementsOf(DEFAULT_PLAN);
    }

    @Test
    void runsNothingButTheReadOnlyLookups() {
        machine.run("bootstrap/up", "--dry-run");

        assertThat(machine.calls()).containsExactlyElementsOf(PREREQUISITE_LOOKUPS);
    }

    @Test
    void optionsReachTheCommands() {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run", "--cluster-name", "demo-2", "--region", "eu-west-1",
                "--repo-url", "https://github.com/acme/fork.git", "--revision", "release-1",
                "--datadog-site", "datadoghq.eu");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(Plan.of(dryRun).lines()).contains(
                "kubectl patch --local -f bootstrap/cluster.yaml --type merge"
                        + " -p '{\"metadata\":{\"name\":\"demo-2\",\"region\":\"eu-west-1\"}}' -o yaml"
                        + " | eksctl create cluster -f - --write-kubeconfig=false",
                "aws eks update-kubeconfig --name demo-2 --region eu-west-1 --alias demo-2",
                "kubectl patch --local -f gitops/root-app.yaml --type merge -p '{\"spec\":{\"source\":{"
                        + "\"repoURL\":\"https://github.com/acme/fork.git\",\"targetRevision\":\"release-1\","
                        + "\"helm\":{\"valuesObject\":{\"datadog\":{\"clusterName\":\"demo-2\",\"site\":\"datadoghq.eu\"}}}}}}'"
                        + " -o yaml | kubectl --context demo-2 apply -f -");
        assertThat(machine.calls()).as("no git lookup when both are given")
                .containsExactly(PREREQUISITE_LOOKUPS.get(0));
    }

    @Test
    void turnsAnSshRemoteIntoItsHttpsUrl() {
        machine.respond("git-remote", "ssh://git@github.com/Acme/demo.git");

        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.stdout()).contains("Argo CD will deploy https://github.com/Acme/demo.git at main");
    }

    @Test
    void usesTheCurrentBranch() {
        machine.respond("git-branch", "feature/greet-in-french");

        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.stdout()).contains("\"targetRevision\":\"feature/greet-in-french\"");
    }

    @Test
    void doesNotAskForTheApiKey() {
        Execution dryRun = new StandInMachine(machine.directory().resolve("no-key")).run("bootstrap/up", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.stdout()).contains("DD_API_KEY is not set: a real run asks for it");
    }

    @Test
    void endsWithHowToReachTheDemo() {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.stdout()).contains(
                "kubectl --context dapr-demo -n argocd port-forward svc/argocd-server 8443:443",
                "kubectl --context dapr-demo -n argocd get secret argocd-initial-admin-secret"
                        + " -o jsonpath='{.data.password}' | base64 -d",
                "kubectl --context dapr-demo -n dapr-system port-forward svc/dapr-dashboard 8080:8080",
                "kubectl --context dapr-demo -n dapr-services port-forward svc/comms 9080:9080",
                "curl -sS -X POST http://localhost:9080/greet -H 'Content-Type: application/json' -d '{\"name\":\"Ada\"}'",
                "https://app.datadoghq.com/apm/services");
    }

    @Test
    void theGreetingCurlUsesThePortTheCommsServiceExposes() {
        int port = GitopsServices.servicePort("gitops/services/base/comms.yaml", "comms");

        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(dryRun.stdout()).contains("port-forward svc/comms " + port + ":" + port,
                "http://localhost:" + port + "/greet");
    }
}
