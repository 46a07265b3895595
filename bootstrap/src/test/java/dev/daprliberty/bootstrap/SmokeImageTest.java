package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * .ci/smoke-image, the shell of CI's image-smoke job, run here for real with the real kustomize, gojq and curl, and
 * STAND-INS for docker (no container engine on this machine: standin.sh) and for the service inside the container
 * ({@link ServiceStandIn}). On GitHub the same script starts the real images.
 */
@ExtendWith(StandInMachines.class)
class SmokeImageTest {

    private static final String SCRIPT = ".ci/smoke-image";
    private static final String OVERLAY = "gitops/services/overlays/demo";
    private static final String POD = "gitops/services/base/liberty-pod.yaml";

    @ParameterizedTest
    @CsvSource({"comms-liberty, comms, 9080", "greeter-liberty, greeter, 9081"})
    void startsTheImageReadOnlyAsItsUserWithTheDeploymentsMountsLimitsAndEnvironment(String service, String deployment,
            int port, StandInMachine machine) {
        try (ServiceStandIn app = ServiceStandIn.readyAfter(0)) {
            Execution smoke = smokeTest(machine, app).run(SCRIPT, service + ":smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isZero();
            List<String> run = dockerRun(machine, "smoke-" + deployment);
            assertThat(run).startsWith("run", "--detach", "--name", "smoke-" + deployment, "--hostname", deployment,
                    "--user", "1001", "--read-only", "--security-opt", "no-new-privileges", "--cap-drop", "ALL");
            assertThat(run).last().isEqualTo(service + ":smoke");
            assertThat(pairs(run, "--tmpfs")).containsExactly("/logs:rw,exec,size=268435456",
                    "/opt/ol/wlp/output:rw,exec,size=268435456", "/tmp:rw,exec,size=67108864");
            assertThat(pairs(run, "--memory")).containsExactly("536870912");
            assertThat(pairs(run, "--cpus")).containsExactly("1");
            assertThat(pairs(run, "--publish")).containsExactly("127.0.0.1::" + port);
            assertThat(pairs(run, "--env")).contains("DD_ENV=demo", "DD_SERVICE=" + deployment, "DD_VERSION=unreleased",
                    "OTEL_SERVICE_NAME=" + deployment, "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318",
                    "WLP_LOGGING_CONSOLE_FORMAT=JSON", "DAPR_HTTP_PORT=3500", "DAPR_GRPC_PORT=50001");
        }
    }

    @Test
    void everyEnvironmentVariableAndMountOfTheRenderedDeploymentIsPassed(StandInMachine machine) {
        JsonNode app = Yaml.object(Kustomize.build(Repository.path(OVERLAY)), "Deployment", "greeter")
                .at("/spec/template/spec/containers/0");

        try (ServiceStandIn service = ServiceStandIn.readyAfter(0)) {
            smokeTest(machine, service).run(SCRIPT, "greeter-liberty:smoke");
        }

        List<String> run = dockerRun(machine, "smoke-greeter");
        List<String> env = pairs(run, "--env").stream().map(pair -> pair.substring(0, pair.indexOf('='))).toList();
        app.path("env").forEach(variable -> assertThat(env).contains(variable.path("name").asText()));
        List<String> mounts = pairs(run, "--tmpfs").stream().map(mount -> mount.substring(0, mount.indexOf(':'))).toList();
        app.path("volumeMounts").forEach(mount -> assertThat(mounts).contains(mount.path("mountPath").asText()));
        assertThat(env).hasSize(app.path("env").size() + 2).as("plus the two the Dapr injector adds");
    }

    @Test
    void followsAChangedManifestRatherThanACopyOfIt(@TempDir Path checkout, StandInMachine machine) {
        CheckoutCopy.of(checkout, SCRIPT, "gitops/services")
                .replace(POD, "              memory: 512Mi", "              memory: 768Mi")
                .replace(POD, "            - name: WLP_LOGGING_CONSOLE_FORMAT\n",
                        "            - name: GREETER_URL\n              value: http://$(HOST_IP):$(PORT)/$(DD_ENV)\n"
                                + "            - name: WLP_LOGGING_CONSOLE_FORMAT\n");

        try (ServiceStandIn app = ServiceStandIn.readyAfter(0)) {
            Execution smoke = smokeTest(machine, app).inCheckout(checkout).run(SCRIPT, "comms-liberty:smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isZero();
        }
        List<String> run = dockerRun(machine, "smoke-comms");
        assertThat(pairs(run, "--memory")).containsExactly("805306368");
        assertThat(pairs(run, "--env")).as("$(VAR) references: to defined variables resolved, others kept, as Kubernetes does")
                .contains("GREETER_URL=http://127.0.0.1:$(PORT)/demo");
    }

    @Test
    void startsTheDaprSidecarInTheAppsNetworkNamespaceAfterPullingIt(StandInMachine machine) {
        try (ServiceStandIn app = ServiceStandIn.readyAfter(0)) {
            smokeTest(machine, app).run(SCRIPT, "comms-liberty:smoke");
        }

        List<String> docker = dockerCalls(machine);
        String daprd = "ghcr.io/dapr/daprd:" + daprChartImageTag();
        int pull = docker.indexOf("pull --quiet " + daprd);
        int app = docker.indexOf(String.join(" ", dockerRun(machine, "smoke-comms")));
        int sidecar = docker.indexOf("run --detach --name smoke-comms-daprd --network container:smoke-comms " + daprd
                + " ./daprd --app-id comms --app-port 9080 --dapr-http-port 3500 --dapr-grpc-port 50001 --log-as-json");
        assertThat(pull).as("pulled before the clock starts: " + docker).isNotNegative().isLessThan(app);
        assertThat(sidecar).as("after the container whose network it joins: " + docker).isGreaterThan(app);
    }

    @Test
    void waitsUntilReadyPrintsHowLongThatTookThenGreetsAndCleansUp(StandInMachine machine) {
        try (ServiceStandIn app = ServiceStandIn.readyAfter(2)) {
            Execution smoke = smokeTest(machine, app).run(SCRIPT, "greeter-liberty:smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isZero();
            assertThat(smoke.stdout()).containsPattern("Ready: greeter-liberty:smoke \\(linux/amd64\\) answered "
                    + "/health/ready 200 \\d+\\.\\d s after docker run\\.")
                    .contains("Greeted: POST /greet {\"name\":\"Smoke\"} -> 200 {\"message\":\"Hello, Smoke!\"");
            assertThat(app.requests()).extracting(ServiceStandIn.Request::path)
                    .containsExactly("/health/ready", "/health/ready", "/health/ready", "/greet");
            assertThat(app.requests().get(3)).isEqualTo(new ServiceStandIn.Request("POST", "/greet",
                    "application/json", "{\"name\":\"Smoke\"}"));
        }
        assertThat(dockerCalls(machine)).last().isEqualTo("rm --force smoke-greeter smoke-greeter-daprd");
    }

    @Test
    void failsWithTheContainersLogsWhenItStopsBeforeItIsReady(StandInMachine machine) {
        // What the image did before SAVE_KEYSTORE=false: its entrypoint wrote keystore.xml on the read-only root.
        machine.respond("docker-state.2", "exited 2").respond("docker-logs.1", "/opt/ol/helpers/runtime/docker-server.sh:"
                + " line 87: /config/configDropins/defaults/keystore.xml: Read-only file system");

        try (ServiceStandIn app = ServiceStandIn.neverReady()) {
            Execution smoke = smokeTest(machine, app).run(SCRIPT, "comms-liberty:smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
            assertThat(smoke.stderr()).contains("--- docker logs smoke-comms\n", "keystore.xml: Read-only file system",
                    "--- docker logs smoke-comms-daprd\n")
                    .containsPattern("comms-liberty:smoke stopped \\(\\d+\\.\\d s after docker run; state: exited 2\\) "
                            + "before /health/ready answered 200");
        }
        assertThat(dockerCalls(machine)).last().isEqualTo("rm --force smoke-comms smoke-comms-daprd");
    }

    @Test
    void failsWithTheContainersLogsWhenTheSidecarCannotJoinIt(StandInMachine machine) {
        machine.respond("docker-run-sidecar.fail", "docker: Error response from daemon: cannot join network namespace"
                + " of a non running container").respond("docker-logs.1", "CWWKE0001I: The server defaultServer has been"
                + " launched.");

        try (ServiceStandIn app = ServiceStandIn.readyAfter(0)) {
            Execution smoke = smokeTest(machine, app).run(SCRIPT, "comms-liberty:smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
            assertThat(smoke.stderr()).contains("cannot join network namespace of a non running container",
                    "--- docker logs smoke-comms\nCWWKE0001I", "the Dapr sidecar did not start beside smoke-comms");
            assertThat(app.requests()).isEmpty();
        }
        assertThat(dockerCalls(machine)).last().isEqualTo("rm --force smoke-comms smoke-comms-daprd");
    }

    @Test
    void failsWhenTheImageIsNotReadyInTime(StandInMachine machine) {
        try (ServiceStandIn app = ServiceStandIn.neverReady()) {
            Execution smoke = smokeTest(machine, app).run(SCRIPT, "--timeout", "1", "greeter-liberty:smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
            assertThat(smoke.stderr()).contains("greeter-liberty:smoke not ready within 1 s: /health/ready last answered 503");
            assertThat(smoke.stdout()).doesNotContain("Ready:");
        }
    }

    @Test
    void failsWhenTheGreetingIsNotOne(StandInMachine machine) {
        try (ServiceStandIn app = ServiceStandIn.greetingWith(500, "{\"title\":\"Internal Server Error\"}")) {
            Execution smoke = smokeTest(machine, app).run(SCRIPT, "greeter-liberty:smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
            assertThat(smoke.stderr()).contains("POST /greet {\"name\":\"Smoke\"} answered 500 "
                    + "{\"title\":\"Internal Server Error\"}; expected 200 with \"message\":\"Hello, Smoke...");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "0", "0:0"})
    void refusesAUserKubernetesRefusesWithRunAsNonRoot(String user, StandInMachine machine) {
        machine.respond("docker-image", "linux/amd64 " + user);

        try (ServiceStandIn app = ServiceStandIn.readyAfter(0)) {
            Execution smoke = smokeTest(machine, app).run(SCRIPT, "greeter-liberty:smoke");

            assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
            assertThat(smoke.stderr()).contains("Deployment greeter has runAsNonRoot, and Kubernetes refuses");
        }
        assertThat(dockerCalls(machine)).noneMatch(call -> call.startsWith("run "));
    }

    @Test
    void refusesAVolumeItCannotStandInFor(@TempDir Path checkout, StandInMachine machine) {
        CheckoutCopy.of(checkout, SCRIPT, "gitops/services")
                .replace(POD, "        - name: tmp\n          emptyDir:\n            sizeLimit: 64Mi\n",
                        "        - name: tmp\n          configMap:\n            name: tmp\n");

        Execution smoke = machine.inCheckout(checkout).withTool("kustomize", ".ci/install-script-tools")
                .withTool("gojq", ".ci/install-script-tools").run(SCRIPT, "comms-liberty:smoke");

        assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
        assertThat(smoke.stderr()).contains("Deployment comms, container app: volume tmp at /tmp is not a whole emptyDir;"
                + " .ci/smoke-image stands in for emptyDir volumes only");
        assertThat(dockerCalls(machine)).isEmpty();
    }

    @Test
    void namesTheImageNoDeploymentRuns(StandInMachine machine) {
        Execution smoke = machine.inCheckout(Repository.ROOT).withTool("kustomize", ".ci/install-script-tools")
                .withTool("gojq", ".ci/install-script-tools").run(SCRIPT, "ghcr.io/acme/billing:1.0");

        assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
        assertThat(smoke.stderr()).contains("0 containers of gitops/services/overlays/demo run an image named billing;"
                + " expected exactly one");
    }

    @Test
    void namesEveryMissingTool(StandInMachine machine) {
        Execution smoke = machine.inCheckout(Repository.ROOT).runWithoutTools(SCRIPT, "comms-liberty:smoke");

        assertThat(smoke.exitCode()).as(smoke.output()).isEqualTo(1);
        assertThat(smoke.stderr()).contains("not found: docker curl kustomize gojq.",
                "bash .ci/install-script-tools installs kustomize and gojq");
    }

    @Test
    void rejectsAMissingImageArgument(StandInMachine machine) {
        Execution smoke = machine.inCheckout(Repository.ROOT).run(SCRIPT);

        assertThat(smoke.exitCode()).isEqualTo(2);
        assertThat(smoke.stderr()).contains("which IMAGE? e.g. .ci/smoke-image comms-liberty:smoke");
    }

    /**
     * This repository as CI checks it out, the real tools the script reads the manifests and probes with; docker
     * answers with the stand-in's address.
     */
    private static StandInMachine smokeTest(StandInMachine machine, ServiceStandIn service) {
        return machine.inCheckout(Repository.ROOT).withTool("kustomize", ".ci/install-script-tools").withTool("gojq", ".ci/install-script-tools")
                .withTool("curl", "your package manager").withTool("head", "your package manager")
                .withEnvironment("SMOKE_POLL_SECONDS", "0.1").respond("docker-port", service.address());
    }

    /** The tag of the daprd image the sidecar injector of the dapr chart gitops/apps installs runs. */
    private static String daprChartImageTag() {
        JsonNode dapr = Yaml.object(HelmChart.render("gitops/apps"), "Application", "dapr");
        return dapr.at("/spec/source/helm/valuesObject/global/tag").asText();
    }

    /** Every docker call, its arguments joined by spaces. */
    private static List<String> dockerCalls(StandInMachine machine) {
        return machine.calls().stream().filter(call -> call.get(0).equals("docker"))
                .map(call -> String.join(" ", call.subList(1, call.size()))).toList();
    }

    private static List<String> dockerRun(StandInMachine machine, String name) {
        return machine.calls().stream().filter(call -> call.get(0).equals("docker") && call.size() > 4
                && call.get(1).equals("run") && call.get(4).equals(name)).map(call -> call.subList(1, call.size()))
                .findFirst().orElseThrow(() -> new AssertionError("no docker run --name " + name + " in " + machine.calls()));
    }

    /** The values that follow each occurrence of {@code option}. */
    private static List<String> pairs(List<String> args, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals(option)) {
                values.add(args.get(i + 1));
            }
        }
        return values;
    }
}
