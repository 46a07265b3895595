package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StandInMachines.class)
class DownDryRunTest {

    /** What `down --dry-run` prints with the defaults. */
    static final List<String> DEFAULT_PLAN = List.of(
            "aws eks list-clusters --region us-west-2 --query clusters --output text",
            "aws eks update-kubeconfig --name dapr-demo --region us-west-2 --alias dapr-demo",
            "kubectl --context dapr-demo get crd applications.argoproj.io --ignore-not-found -o name",
            "kubectl --context dapr-demo delete applications.argoproj.io dapr-liberty --namespace argocd"
                    + " --cascade=foreground --ignore-not-found --wait=false",
            "kubectl --context dapr-demo get applications.argoproj.io --namespace argocd -o name",
            "kubectl --context dapr-demo delete persistentvolumeclaims --namespace dapr-system"
                    + " --selector app=dapr-scheduler-server --wait=false",
            "kubectl --context dapr-demo get persistentvolumes -o name",
            "kubectl --context dapr-demo get services --all-namespaces -o 'jsonpath={range .items[?(@.spec.type"
                    + "==\"LoadBalancer\")]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}'",
            "eksctl delete cluster --name dapr-demo --region us-west-2 --wait");

    static final List<String> IDENTITY_LOOKUP = List.of("aws", "sts", "get-caller-identity", "--query", "Arn",
            "--output", "text");

    @Test
    void printsEveryCommandInOrder(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/down", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(Plan.of(dryRun).lines()).containsExactlyElementsOf(DEFAULT_PLAN);
    }

    @Test
    void runsNothingButTheIdentityLookupAndAsksNothing(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/down", "--dry-run");

        assertThat(dryRun.stdout()).doesNotContain("Type its name to confirm");
        assertThat(machine.calls()).containsExactly(IDENTITY_LOOKUP);
    }

    @Test
    void optionsReachTheCommands(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/down", "--dry-run", "--cluster-name", "demo-2", "--region",
                "eu-west-1");

        assertThat(Plan.of(dryRun).lines()).contains(
                "aws eks list-clusters --region eu-west-1 --query clusters --output text",
                "kubectl --context demo-2 get persistentvolumes -o name",
                "eksctl delete cluster --name demo-2 --region eu-west-1 --wait");
    }

    @Test
    void volumesAndLoadBalancersGoBeforeTheCluster(StandInMachine machine) {
        List<String> plan = Plan.of(machine.run("bootstrap/down", "--dry-run")).lines();

        int deleteRoot = indexOf(plan, "delete applications.argoproj.io dapr-liberty");
        int volumesGone = indexOf(plan, "get persistentvolumes");
        int loadBalancersGone = indexOf(plan, "LoadBalancer");
        int deleteCluster = indexOf(plan, "eksctl delete cluster");
        assertThat(deleteRoot).isLessThan(volumesGone);
        assertThat(volumesGone).isLessThan(deleteCluster);
        assertThat(loadBalancersGone).isLessThan(deleteCluster);
    }

    private static int indexOf(List<String> plan, String text) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no command with '" + text + "' in " + plan);
    }
}
