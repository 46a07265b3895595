package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(StandInMachines.class)
class UsageTest {

    @Test
    void upHelpNamesEveryOptionAndRunsNothing(StandInMachine machine) {
        Execution help = machine.run("bootstrap/up", "--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.stdout()).startsWith("Usage: bootstrap/up").contains("--repo-url", "--revision",
                "--datadog-site", "--cluster-name", "--region", "--timeout", "--dry-run", "DD_API_KEY");
        assertThat(machine.calls()).isEmpty();
    }

    @Test
    void downHelpNamesEveryOptionAndRunsNothing(StandInMachine machine) {
        Execution help = machine.run("bootstrap/down", "-h");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.stdout()).startsWith("Usage: bootstrap/down").contains("--yes", "--cluster-name", "--region",
                "--timeout", "--dry-run");
        assertThat(machine.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap/up", "bootstrap/down"})
    void rejectsAnUnknownOption(String script, StandInMachine machine) {
        Execution run = machine.run(script, "--dry-run", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown option: --colour", "--help");
        assertThat(machine.calls()).isEmpty();
    }

    @Test
    void downTakesAnyEksClusterNameEvenOneDatadogWouldRefuse(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/down", "--dry-run", "--cluster-name", "Old_Cluster");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.stdout()).contains("eksctl delete cluster --name Old_Cluster");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bootstrap/up   | --region         | Mars            | --region 'Mars' is not an AWS region name",
        "bootstrap/down | --cluster-name   | 'my cluster'    | --cluster-name 'my cluster' is not a valid EKS cluster name",
        "bootstrap/down | --timeout        | soon            | --timeout 'soon' is not a number of seconds",
        "bootstrap/up   | --datadog-site   | 'datadog com'   | --datadog-site 'datadog com' is not a Datadog site name",
        "bootstrap/up   | --region         | ''              | --region needs a value",
        "bootstrap/up   | --cluster-name   | Dapr-Demo       | --cluster-name 'Dapr-Demo' is also the cluster name in Datadog, which takes lower-case letters",
        "bootstrap/up   | --cluster-name   | dapr_demo       | --cluster-name 'dapr_demo' is also the cluster name in Datadog",
        "bootstrap/up   | --cluster-name   | demo-           | ending with a letter or digit, at most 40 characters"})
    void rejectsABadValueNamingIt(String script, String option, String value, String message,
            StandInMachine machine) {
        Execution run = machine.run(script, "--dry-run", option, value);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.stderr()).contains(message);
        assertThat(machine.calls()).isEmpty();
    }
}
