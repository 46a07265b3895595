package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * GitOps for real: the fork's first release pins the images; bootstrap/up installs Argo CD v3.5.1 into a real
 * Kubernetes 1.35 API server and points it at the fork, served over HTTPS; Argo CD deploys gitops/ wave by wave; a
 * change to greeter, pushed and released (the release workflow's plan, pin and push steps), rolls greeter's
 * Deployment; bootstrap/down removes everything again.
 *
 * <p>Real: etcd, kube-apiserver, kube-controller-manager, kube-scheduler, Argo CD's application controller and
 * repo server (with git, helm and kustomize), Redis, git's HTTP server, helm-packaged charts, bootstrap/up and
 * bootstrap/down, the release workflow's plan, pin and push steps. All of it on loopback (see {@link LoopbackCluster}).
 *
 * <p>STAND-INS, for what cannot run here: kwok plays the kubelet of the two nodes (pods become Running and Ready
 * without a container runtime, so Dapr's injector and the Datadog Operator do not act); aws and eksctl
 * (src/test/resources/aws-stand-ins: the "EKS cluster" is the loopback one); the EBS CSI driver
 * ({@link ClusterShape}); the Datadog Operator's status report ({@link DatadogOperatorStandIn}); and the
 * chart repositories and GitHub, mirrored on loopback in the served fork only ({@link ServedRepository#pointAtLoopback}).
 *
 * <p>Needs the binaries of bash .ci/install-gitops-loop (CI builds them) and kubectl 1.35 and kustomize on PATH.
 * Logs: gitops/target/gitops-loop/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitopsLoopIT {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(5);
    /** A Datadog API key's shape (bootstrap/up checks it), and nothing more: no Datadog account is used. */
    private static final String DATADOG_API_KEY_PLACEHOLDER = "0123456789abcdef0123456789abcdef";
    private static final Pattern ARGOCD_INSTALL_URL = Pattern.compile(
            "https://raw\\.githubusercontent\\.com/argoproj/argo-cd/(v[^/]+)/manifests/install\\.yaml");
    /** The root and its children, in the order of their sync waves. */
    private static final List<String> APPLICATIONS = List.of("dapr-liberty", "datadog-operator", "dapr",
            "datadog-agent", "dapr-dashboard", "dapr-config", "services");
    private static final String SERVICES_NAMESPACE = "dapr-services";
    private static final String IMAGE_OWNER = "example-org";

    private final Path dir = Path.of("target/gitops-loop").toAbsolutePath();
    private final List<AutoCloseable> running = new ArrayList<>();
    private LoopBinaries binaries;
    private ClusterShape shape;
    private LoopbackCluster cluster;
    private Kubectl kubectl;
    private ServedRepository repository;
    private ApplicationTimeline timeline;
    private DatadogOperatorStandIn datadogOperator;
    private ArgoCdProcesses argocd;
    private Path standIns;
    private ReleaseWorkflow release;
    /** The commit the first release built both images from. */
    private String firstRelease;
    /** Why bootstrap/up did not deploy, when it did not: every later step depends on it. */
    private String deployFailure = "bootstrap/up has not run";

    @BeforeAll
    void startTheLoop() throws IOException {
        RepoLayout layout = RepoLayout.current();
        binaries = LoopBinaries.of(layout);
        deleteRecursively(dir);
        shape = ClusterShape.of(layout);
        cluster = started(LoopbackCluster.start(binaries, KubeTools.fromEnvironment().kubectl(), dir.resolve("cluster"), shape));
        kubectl = cluster.kubectl;

        String kustomization = Files.readString(layout.gitops().resolve("argocd/kustomization.yaml"));
        Matcher install = ARGOCD_INSTALL_URL.matcher(kustomization);
        assertThat(install.find()).as("gitops/argocd/kustomization.yaml installs Argo CD from its release manifest").isTrue();
        Path installManifest = GoModule.dir("github.com/argoproj/argo-cd/v3", install.group(1))
                .resolve("manifests/install.yaml");

        ChartRepository charts = started(ChartRepository.serve(ChartRepository.pinnedBy(layout), layout, binaries.helm(),
                dir.resolve("charts")));
        repository = ServedRepository.snapshot(layout, dir.resolve("git"), cluster.pki.cert("ca"))
                .pointAtLoopback(charts.mirrors, install.group(), installManifest);
        String password = "gitops-loop";
        cluster.pki.issue("git-server", "/CN=127.0.0.1", "IP:127.0.0.1", "serverAuth");
        GitHttpsServer git = started(GitHttpsServer.start(repository.bare.getParent(),
                cluster.pki.keyStore("git-server", password), password));
        repository.publish(git.url(ServedRepository.NAME));

        // README, Deploy to AWS: "Before the first deployment, release the images once" (bootstrap/up refuses the
        // placeholder tag). The release pins both images at the commit it built and pushes the pin to the fork.
        Map<String, String> environment = new HashMap<>(repository.gitEnvironment());
        environment.put("PATH", directoryOf("kustomize") + ":" + directoryOf("gojq") + ":/usr/local/bin:/usr/bin:/bin");
        release = ReleaseWorkflow.in(repository.clone, environment);
        firstRelease = repository.head();
        assertThat(release.release(IMAGE_OWNER)).as("services the first release builds")
                .containsExactlyInAnyOrder("comms-liberty", "greeter-liberty");

        standIns = awsStandIns(dir.resolve("aws-stand-ins"));
        timeline = started(ApplicationTimeline.start(kubectl));
        datadogOperator = started(DatadogOperatorStandIn.start(kubectl, shape.nodeCount()));
    }

    @Test
    @Order(1)
    void bootstrapUpInstallsArgoCdWhichDeploysEveryApplicationSyncedAndHealthy() throws IOException {
        Path log = dir.resolve("bootstrap-up.log");
        Process up = bootstrap("up", log, "--datadog-site", "datadoghq.com", "--timeout",
                String.valueOf(DEPLOY_TIMEOUT.toSeconds()));
        // Argo CD's pods start once up has applied its manifests: here, the real processes that play them.
        awaitUntil(up, DEPLOY_TIMEOUT.plusMinutes(2), () -> {
            if (argocd == null && argoCdInstalled()) {
                argocd = started(ArgoCdProcesses.start(binaries, cluster.kubeconfig, cluster.pki.cert("ca"),
                        dir.resolve("argocd")));
            }
            return !up.isAlive();
        });

        Map<String, ApplicationTimeline.State> applications = timeline.now();
        System.out.println("Argo CD's Applications after bootstrap/up:\n" + ApplicationTimeline.table(applications));
        assertThat(up.exitValue()).as("bootstrap/up failed; %s\nthe end of %s:\n%s%s", notSyncedAndHealthy(applications),
                log, tail(log), deadComponents()).isZero();
        assertThat(Files.readString(log)).contains("done: these 7 Applications are Synced and Healthy", "== Ready.");
        assertThat(applications.keySet()).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        assertThat(notSyncedAndHealthy(applications)).isEmpty();
        assertThat(datadogOperator.reported()).as("the Datadog Operator stand-in wrote the DatadogAgent's status").isTrue();
        deployFailure = null;
    }

    @Test
    @Order(2)
    void theRootRendersTheChildApplicationsAndTheirProject() {
        assertDeployed();
        JsonNode root = kubectl.json("get", "applications.argoproj.io", "dapr-liberty", "--namespace", "argocd");
        List<String> rendered = new ArrayList<>();
        for (JsonNode resource : root.path("status").path("resources")) {
            rendered.add(resource.path("kind").asText() + "/" + resource.path("name").asText() + " "
                    + resource.path("status").asText());
        }
        assertThat(rendered).containsExactlyInAnyOrder("AppProject/dapr-liberty Synced",
                "Application/datadog-operator Synced", "Application/dapr Synced", "Application/datadog-agent Synced",
                "Application/dapr-dashboard Synced", "Application/dapr-config Synced", "Application/services Synced");
        assertThat(root.path("spec").path("source").path("repoURL").asText()).as("the fork bootstrap/up pointed Argo CD at")
                .isEqualTo(repository.git("remote", "get-url", "origin"));
        for (String child : APPLICATIONS.subList(1, APPLICATIONS.size())) {
            JsonNode application = kubectl.json("get", "applications.argoproj.io", child, "--namespace", "argocd");
            assertThat(application.path("spec").path("project").asText()).as(child).isEqualTo("dapr-liberty");
        }
    }

    @Test
    @Order(3)
    void syncWavesRunInTheirOrder() {
        assertDeployed();
        Map<String, ApplicationTimeline.State> last = timeline.now();
        List<String> order = new ArrayList<>();
        for (String later : APPLICATIONS) {
            Integer wave = last.get(later).wave();
            if (wave == null) {
                continue;
            }
            int created = timeline.firstSeen(later, false);
            for (String earlier : APPLICATIONS) {
                Integer earlierWave = last.get(earlier).wave();
                if (earlierWave != null && earlierWave < wave) {
                    int ready = timeline.firstSeen(earlier, true);
                    assertThat(ready).as("%s (wave %d) was Synced and Healthy (look %d) before %s (wave %d) was "
                            + "created (look %d)", earlier, earlierWave, ready, later, wave, created)
                            .isBetween(0, created);
                }
            }
            order.add(wave + ":" + later + "@" + created);
        }
        System.out.println("Wave, Application and the look (every " + ApplicationTimeline.PERIOD_SECONDS
                + " s) at which it appeared: " + order);
        assertThat(last.values().stream().map(ApplicationTimeline.State::wave).filter(w -> w != null).distinct())
                .as("the children span waves 0, 1 and 2").containsExactlyInAnyOrder(0, 1, 2);
        JsonNode project = kubectl.json("get", "appprojects.argoproj.io", "dapr-liberty", "--namespace", "argocd");
        for (String child : APPLICATIONS.subList(1, APPLICATIONS.size())) {
            JsonNode application = kubectl.json("get", "applications.argoproj.io", child, "--namespace", "argocd");
            assertThat(application.path("metadata").path("creationTimestamp").asText())
                    .as("%s was created after its AppProject (wave -1)", child)
                    .isGreaterThanOrEqualTo(project.path("metadata").path("creationTimestamp").asText());
        }
    }

    @Test
    @Order(4)
    void theAppProjectsAllowEverythingTheChildrenDeploy() {
        assertDeployed();
        assertThat(timeline.refusals()).as("what an AppProject refused while Argo CD deployed").isEmpty();
        List<String> notSynced = new ArrayList<>();
        int resources = 0;
        for (String child : APPLICATIONS.subList(1, APPLICATIONS.size())) {
            for (JsonNode resource : deployedBy(child)) {
                resources++;
                if (!resource.path("status").asText().equals("Synced")) {
                    notSynced.add(child + ": " + describe(resource) + " " + resource.path("status").asText());
                }
            }
        }
        assertThat(notSynced).isEmpty();
        assertThat(resources).as("resources the children deployed").isGreaterThan(50);
    }

    @Test
    @Order(5)
    void theServicesRunOnTheArmNodesOnePodPerNode() {
        assertDeployed();
        for (String service : List.of("comms", "greeter")) {
            JsonNode deployment = kubectl.json("get", "deployment", service, "--namespace", SERVICES_NAMESPACE);
            assertThat(condition(deployment, "Available")).as("%s Available", service).isEqualTo("True");
            assertThat(deployment.path("status").path("readyReplicas").asInt()).as(service).isEqualTo(2);
            JsonNode pods = kubectl.json("get", "pods", "--namespace", SERVICES_NAMESPACE,
                    "--selector", "app.kubernetes.io/name=" + service);
            List<String> nodes = new ArrayList<>();
            for (JsonNode pod : pods.path("items")) {
                assertThat(condition(pod, "Ready")).as(Manifests.name(pod)).isEqualTo("True");
                nodes.add(pod.path("spec").path("nodeName").asText());
            }
            assertThat(nodes).as("%s's pods: one per node (topology spread)", service)
                    .containsExactlyInAnyOrder(shape.nodeName(0), shape.nodeName(1));
        }
        for (int i = 0; i < shape.nodeCount(); i++) {
            JsonNode node = kubectl.json("get", "node", shape.nodeName(i));
            assertThat(node.path("metadata").path("labels").path("kubernetes.io/arch").asText()).isEqualTo("arm64");
        }
    }

    @Test
    @Order(6)
    void aChangeToGreeterPushedAndReleasedRollsGreeterOnly() throws IOException {
        assertDeployed();
        // A developer changes greeter and pushes; the release builds greeter's image only and pushes its pin.
        Path source;
        try (Stream<Path> files = Files.walk(repository.clone.resolve("greeter-liberty/src/main/java"))) {
            source = files.filter(file -> file.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(source, Files.readString(source) + "// A change to greeter, made by GitopsLoopIT.\n");
        repository.git("commit", "--quiet", "--all", "--message", "A change to greeter");
        repository.git("push", "--quiet", "origin", ServedRepository.BRANCH);
        String built = repository.head();
        assertThat(release.release(IMAGE_OWNER)).as("services the release builds").containsExactly("greeter-liberty");
        String pushed = repository.head();
        assertThat(pushed).as("the pin was committed").isNotEqualTo(built);
        assertThat(repository.git("ls-remote", "origin", ServedRepository.BRANCH)).startsWith(pushed);

        // From here on the test only looks: Argo CD notices the push by itself (it polls the fork).
        Map<String, String> images = Map.of("greeter", image("greeter-liberty", built),
                "comms", image("comms-liberty", firstRelease));
        long started = System.nanoTime();
        awaitUntil(null, ROLLOUT_TIMEOUT, () -> images.entrySet().stream()
                .allMatch(image -> rolledOut(image.getKey(), image.getValue()))
                && pushed.equals(timeline.now().get("services").revision())
                && timeline.now().get("services").syncedAndHealthy());
        System.out.printf("Argo CD rolled greeter to %s %d s after the push; comms stayed at %s%n", built,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), firstRelease);
        JsonNode greeter = kubectl.json("get", "deployment", "greeter", "--namespace", SERVICES_NAMESPACE);
        assertThat(greeter.path("spec").path("template").path("metadata").path("labels")
                .path("tags.datadoghq.com/version").asText()).as("greeter's Datadog version tag").isEqualTo(built);
        Map<String, ApplicationTimeline.State> applications = timeline.now();
        System.out.println("Argo CD's Applications after the push:\n" + ApplicationTimeline.table(applications));
        assertThat(notSyncedAndHealthy(applications)).isEmpty();
    }

    @Test
    @Order(7)
    void bootstrapDownHasArgoCdRemoveEverythingItDeployed() throws IOException {
        assertDeployed();
        Map<String, List<JsonNode>> deployed = new LinkedHashMap<>();
        for (String application : APPLICATIONS) {
            deployed.put(application, deployedBy(application));
        }

        Path log = dir.resolve("bootstrap-down.log");
        Process down = bootstrap("down", log, "--yes", "--timeout", "600");
        awaitUntil(down, Duration.ofMinutes(12), () -> !down.isAlive());
        assertThat(down.exitValue()).as("bootstrap/down failed; the end of %s:\n%s%s", log, tail(log), deadComponents())
                .isZero();

        List<String> left = new ArrayList<>();
        List<String> keptCrds = new ArrayList<>();
        deployed.forEach((application, resources) -> resources.stream().filter(this::exists).forEach(resource ->
                // Argo CD never deletes a CustomResourceDefinition when it deletes an Application (that would delete
                // every resource of its kind in the cluster): they go with the cluster, which eksctl deletes next.
                (isCrd(resource) ? keptCrds : left).add(application + ": " + describe(resource))));
        System.out.println("CustomResourceDefinitions that Argo CD keeps by design: " + keptCrds);
        for (String kind : List.of("applications.argoproj.io", "persistentvolumeclaims", "persistentvolumes")) {
            addFound(left, "get", kind, "--all-namespaces", "-o", "name");
        }
        for (String namespace : List.of("datadog", "dapr-system", SERVICES_NAMESPACE)) {
            addFound(left, "get", "pods", "--namespace", namespace, "-o", "name");
        }
        assertThat(left).as("left behind after bootstrap/down").isEmpty();
        assertThat(deployed.values().stream().mapToInt(List::size).sum()).as("resources Argo CD had deployed")
                .isGreaterThan(50);
    }

    private void addFound(List<String> found, String... get) {
        String names = kubectl.succeed(get);
        if (!names.isBlank()) {
            found.add(names.strip());
        }
    }

    @AfterAll
    void stopTheLoop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + running.get(i) + ": " + e);
            }
        }
    }

    private <T extends AutoCloseable> T started(T part) {
        running.add(part);
        return part;
    }

    private static String image(String service, String tag) {
        return "ghcr.io/" + IMAGE_OWNER + "/" + service + ":" + tag;
    }

    private static Path directoryOf(String tool) {
        return LoopBinaries.onPath(tool, "run bash .ci/install-script-tools (the release workflow's tools)").getParent();
    }

    private void assertDeployed() {
        assertThat(deployFailure).as("this step needs the deployment of the first one").isNull();
    }

    /** Runs bootstrap/SCRIPT from the fork's clone, as its user would, against the loopback cluster. */
    private Process bootstrap(String script, Path log, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(repository.clone.resolve("bootstrap").resolve(script).toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.clone.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> environment = builder.environment();
        environment.putAll(repository.gitEnvironment());
        environment.put("PATH", standIns + ":" + kubectl.kubectl().getParent() + ":/usr/local/bin:/usr/bin:/bin");
        environment.put("KUBECONFIG", cluster.kubeconfig.toString());
        environment.put("GITOPS_LOOP_CLUSTER", LoopbackCluster.CONTEXT);
        environment.put("DD_API_KEY", DATADOG_API_KEY_PLACEHOLDER);
        environment.put("BOOTSTRAP_POLL_SECONDS", "3");
        // No internet here: what up asks GitHub and ghcr.io (is the fork public, can the nodes pull the images) goes
        // to a loopback port where nothing listens, so it warns that it could not check, and nothing leaves this
        // machine. kubectl's calls to the loopback API server are never proxied.
        String nowhere = "http://127.0.0.1:" + FreePort.next();
        for (String proxy : List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY")) {
            environment.put(proxy, nowhere);
        }
        environment.put("no_proxy", "127.0.0.1,localhost");
        environment.put("NO_PROXY", "127.0.0.1,localhost");
        Process process = builder.start();
        started(() -> stop(process));
        return process;
    }

    /** Polls until {@code done}, failing when a part of the loop died or time ran out (and then stopping {@code process}). */
    private void awaitUntil(Process process, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!done.getAsBoolean()) {
                String dead = deadComponents();
                if (!dead.isEmpty() || System.nanoTime() > deadline) {
                    throw new AssertionError((dead.isEmpty() ? "not done after " + timeout : "a part of the loop died")
                            + "; " + notSyncedAndHealthy(timeline.now()) + "\n" + dead);
                }
                Daemon.sleep(Duration.ofSeconds(1));
            }
        } catch (RuntimeException | AssertionError e) {
            if (process != null) {
                stop(process);
            }
            throw e;
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private String deadComponents() {
        return cluster.deadComponents() + (argocd == null ? "" : argocd.deadComponents());
    }

    private boolean argoCdInstalled() {
        return kubectl.run("get", "configmap", "argocd-cm", "--namespace", "argocd").exitCode() == 0
                && kubectl.run("get", "crd", "applications.argoproj.io").exitCode() == 0;
    }

    /** "Application (sync, health: message)" for each of the seven that is not Synced and Healthy. */
    private String notSyncedAndHealthy(Map<String, ApplicationTimeline.State> applications) {
        List<String> problems = new ArrayList<>();
        for (String name : APPLICATIONS) {
            ApplicationTimeline.State state = applications.get(name);
            if (state == null) {
                problems.add(name + " (not created)");
            } else if (!state.syncedAndHealthy()) {
                problems.add(name + " (" + state + ": " + whyNot(name) + ")");
            }
        }
        return problems.isEmpty() ? "" : "not Synced and Healthy: " + String.join("; ", problems);
    }

    /** What Argo CD says about an Application: its conditions, its last operation, its health message. */
    private String whyNot(String application) {
        CommandRun get = kubectl.run("get", "applications.argoproj.io", application, "--namespace", "argocd", "-o",
                "jsonpath={.status.conditions[*].message} {.status.operationState.message} {.status.health.message}");
        return get.output().strip();
    }

    private List<JsonNode> deployedBy(String application) {
        List<JsonNode> resources = new ArrayList<>();
        kubectl.json("get", "applications.argoproj.io", application, "--namespace", "argocd")
                .path("status").path("resources").forEach(resources::add);
        return resources;
    }

    private boolean exists(JsonNode resource) {
        String group = resource.path("group").asText();
        List<String> command = new ArrayList<>(List.of("get",
                resource.path("kind").asText().toLowerCase() + (group.isEmpty() ? "" : "." + group),
                resource.path("name").asText(),
                "--ignore-not-found", "-o", "name"));
        if (!resource.path("namespace").asText().isEmpty()) {
            command.addAll(List.of("--namespace", resource.path("namespace").asText()));
        }
        CommandRun get = kubectl.run(command.toArray(String[]::new));
        // Once its CustomResourceDefinition is gone, the API server no longer knows the kind: nothing of it is left.
        if (get.exitCode() != 0 && get.stderr().contains("the server doesn't have a resource type")) {
            return false;
        }
        return !get.orFail().isBlank();
    }

    private static boolean isCrd(JsonNode resource) {
        return resource.path("kind").asText().equals("CustomResourceDefinition");
    }

    private static String describe(JsonNode resource) {
        String namespace = resource.path("namespace").asText();
        return resource.path("kind").asText() + " " + (namespace.isEmpty() ? "" : namespace + "/")
                + resource.path("name").asText();
    }

    private static String condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition.path("status").asText();
            }
        }
        return "(none)";
    }

    private boolean rolledOut(String service, String image) {
        JsonNode deployment = kubectl.json("get", "deployment", service, "--namespace", SERVICES_NAMESPACE);
        JsonNode spec = deployment.path("spec");
        JsonNode status = deployment.path("status");
        int replicas = spec.path("replicas").asInt();
        return spec.path("template").path("spec").path("containers").path(0).path("image").asText().equals(image)
                && status.path("observedGeneration").asLong() >= deployment.path("metadata").path("generation").asLong()
                && status.path("updatedReplicas").asInt() == replicas && status.path("replicas").asInt() == replicas
                && status.path("availableReplicas").asInt() == replicas;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** The aws and eksctl stand-ins, executable, in a folder of their own for PATH. */
    private static Path awsStandIns(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String tool : List.of("aws", "eksctl")) {
            try (InputStream script = GitopsLoopIT.class.getResourceAsStream("/aws-stand-ins/" + tool)) {
                Path target = bin.resolve(tool);
                Files.copy(script, target);
                assertThat(target.toFile().setExecutable(true)).isTrue();
            }
        }
        return bin;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                file.toFile().setWritable(true);
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
