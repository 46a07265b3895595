package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * bootstrap/down for real, against STAND-INS for AWS and the Kubernetes API server (see standin.sh): it deletes in
 * the order that leaves nothing billing, and deletes nothing it was not asked to.
 */
@ExtendWith(StandInMachines.class)
class DownRunTest {

    @BeforeEach
    void clusterExists(StandInMachine machine) {
        machine.respond("aws-clusters", "dapr-demo");
    }

    @Test
    void letsArgoCdRemoveEverythingThenWaitsForVolumesAndLoadBalancersThenDeletesTheCluster(
            StandInMachine machine) {
        machine.respond("remaining-applications.1", "application.argoproj.io/dapr-liberty\napplication.argoproj.io/dapr")
                .respond("persistentvolumes.1", "persistentvolume/pvc-0f1e")
                .respond("load-balancers.1", "dapr-services/comms-public");

        Execution down = machine.run("bootstrap/down", "--yes");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(machine.calls().stream().map(call -> String.join(" ", call)).toList()).containsExactly(
                "aws sts get-caller-identity --query Arn --output text",
                "aws eks list-clusters --region us-west-2 --query clusters --output text",
                "aws eks update-kubeconfig --name dapr-demo --region us-west-2 --alias dapr-demo",
                "kubectl --context dapr-demo get crd applications.argoproj.io --ignore-not-found -o name",
                DownDryRunTest.DEFAULT_PLAN.get(3),
                DownDryRunTest.DEFAULT_PLAN.get(4),
                DownDryRunTest.DEFAULT_PLAN.get(4),
                DownDryRunTest.DEFAULT_PLAN.get(5),
                DownDryRunTest.DEFAULT_PLAN.get(6),
                DownDryRunTest.DEFAULT_PLAN.get(6),
                "kubectl --context dapr-demo get services --all-namespaces -o jsonpath={range .items[?(@.spec.type"
                        + "==\"LoadBalancer\")]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}",
                "kubectl --context dapr-demo get services --all-namespaces -o jsonpath={range .items[?(@.spec.type"
                        + "==\"LoadBalancer\")]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}",
                "eksctl delete cluster --name dapr-demo --region us-west-2 --wait");
        assertThat(down.stdout()).contains(
                "waiting until no Argo CD Application is left; not yet: application.argoproj.io/dapr-liberty,"
                        + " application.argoproj.io/dapr",
                "waiting until no PersistentVolume (EBS volume) is left; not yet: persistentvolume/pvc-0f1e",
                "waiting until no LoadBalancer Service is left; not yet: dapr-services/comms-public",
                "Deleted cluster dapr-demo in us-west-2");
    }

    @Test
    void keepsTheClusterWhenArgoCdDoesNotFinishRemoving(StandInMachine machine) {
        machine.respond("remaining-applications", "application.argoproj.io/services");

        Execution down = machine.run("bootstrap/down", "--yes", "--timeout", "0");

        assertThat(down.exitCode()).as(down.output()).isEqualTo(1);
        assertThat(down.stderr()).contains("gave up after 0s waiting until no Argo CD Application is left",
                "application.argoproj.io/services");
        assertThat(machine.calls()).noneMatch(call -> call.get(0).equals("eksctl"));
    }

    @Test
    void asksForConfirmationAndWithoutATerminalDeletesNothing(StandInMachine machine) {
        Execution down = machine.run("bootstrap/down");

        assertThat(down.exitCode()).as(down.output()).isEqualTo(1);
        assertThat(down.stderr()).contains("not deleting without confirmation and there is no terminal to ask on: "
                + "pass --yes");
        assertThat(machine.calls()).containsExactly(DownDryRunTest.IDENTITY_LOOKUP);
    }

    @Test
    void deletesNothingWhenThereIsNoCluster(StandInMachine machine) {
        machine.respond("aws-clusters", "some-other-cluster");

        Execution down = machine.run("bootstrap/down", "--yes");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.stdout()).contains("there is no cluster dapr-demo in us-west-2: nothing to delete");
        assertThat(machine.calls()).noneMatch(call -> call.contains("delete"));
    }

    @Test
    void skipsArgoCdWhenUpStoppedBeforeInstallingIt(StandInMachine machine) {
        machine.respond("argocd-crd", "");

        Execution down = machine.run("bootstrap/down", "--yes");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.stdout()).contains("Argo CD is not installed: nothing of it to remove");
        List<String> deletes = machine.calls().stream().filter(call -> call.contains("delete"))
                .map(call -> call.get(0) + " " + call.get(call.indexOf("delete") + 1)).toList();
        assertThat(deletes).containsExactly("kubectl persistentvolumeclaims", "eksctl cluster");
    }
}
