package dev.daprliberty.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dapr.yaml is the one description of the local topology: ./run-local (without the Dapr CLI) starts exactly what
 * the Dapr CLI would start from it. The expectation is the file read by a real YAML parser with the CLI's rules
 * (LocalTopology); run-local's own small reader must agree.
 */
class RunLocalReadsDaprYamlIT {

    /** One process of run-local's plan (--dry-run). */
    record Planned(String name, String directory, Map<String, String> environment, List<String> arguments) {
    }

    @Test
    void runLocalStartsEveryAppAndSidecarOfDaprYamlAsTheDaprCliWould(@TempDir Path rendered) {
        LocalTopology topology = LocalTopology.read();
        List<Planned> plan = plan(Tools.run(Repository.ROOT, Repository.path("run-local").toString(), "--dry-run"));
        // The CLI adds the mTLS flags when the Configuration it gives daprd enables mTLS.
        DaprSpecs.render(rendered);
        Path configFile = topology.apps().get(0).configFile(Repository.ROOT);
        Optional<String> sentry = LocalTopology.enablesMtls(rendered.resolve(configFile.getFileName()))
                ? Optional.of(LocalTopology.CLI_SENTRY_ADDRESS) : Optional.empty();

        List<Planned> expected = new ArrayList<>();
        for (LocalTopology.App app : topology.apps()) {
            LocalTopology.Ports ports = app.ports();
            List<String> daprd = new ArrayList<>(List.of("daprd"));
            daprd.addAll(app.daprdArguments(ports, app.configFile(Repository.ROOT), app.resourcesPaths(Repository.ROOT), sentry));
            Map<String, String> identity = Map.of("NAMESPACE", LocalTopology.clusterNamespace(),
                    "DAPR_TRUST_ANCHORS", "<target/run-local/sentry/ca.crt>");
            expected.add(new Planned(app.id() + "-daprd", Repository.ROOT.toString(), identity, daprd));
            expected.add(new Planned(app.id(), app.directory().toString(), app.environment(ports), app.command()));
        }
        assertThat(sentry).as("the local Configuration enables mTLS").isPresent();
        assertThat(plan.subList(1, plan.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void runLocalStartsSentryFirstWhereTheDaprCliLooksForIt() {
        Planned sentry = plan(Tools.run(Repository.ROOT, Repository.path("run-local").toString(), "--dry-run")).get(0);

        assertThat(sentry.name()).isEqualTo("sentry");
        List<String> arguments = sentry.arguments();
        assertThat(arguments.get(arguments.indexOf("--port") + 1))
                .isEqualTo(LocalTopology.CLI_SENTRY_ADDRESS.substring(LocalTopology.CLI_SENTRY_ADDRESS.indexOf(':') + 1));
        assertThat(arguments.get(arguments.indexOf("--config") + 1))
                .isEqualTo(LocalTopology.read().apps().get(0).configFile(Repository.ROOT).toString());
        assertThat(arguments.get(arguments.indexOf("--issuer-credentials") + 1))
                .as("Sentry's credentials stay in target/, out of git").startsWith(Repository.path("target").toString());
    }

    @Test
    void eachAppListensOnTheAppPortItsSidecarCalls() {
        for (LocalTopology.App app : LocalTopology.read().apps()) {
            assertThat(app.declaredEnvironment()).as(app.id() + "'s HTTP_PORT").containsEntry("HTTP_PORT",
                    Integer.toString(app.ports().app()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSidecarsProbeTheAppsLocallyAsThePodsDo() throws java.io.IOException {
        Map<String, Object> pod = new org.yaml.snakeyaml.Yaml().load(
                java.nio.file.Files.readString(Repository.path("gitops/services/base/liberty-pod.yaml")));
        Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) pod.get("spec")).get("template");
        Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("annotations");
        for (LocalTopology.App app : LocalTopology.read().apps()) {
            LocalTopology.APP_HEALTH_FLAGS.forEach((key, flag) -> assertThat(String.valueOf(app.settings().get(key)))
                    .as(app.id() + "'s " + key + " in dapr.yaml vs the pods' annotation").isEqualTo(
                            String.valueOf(annotations.get("dapr.io/" + flag.substring(2)))));
            assertThat(app.settings().get("appHealthCheckPath")).isEqualTo(annotations.get("dapr.io/app-health-check-path"));
        }
    }

    @Test
    void eachRunnableJarGetsTheHeapOfTheImageOnItsCommandLine() throws IOException {
        Matcher imageArgs = Pattern.compile("JVM_ARGS=\"([^\"]*)\"").matcher(Files.readString(Repository.path("Containerfile")));
        assertThat(imageArgs.find()).as("the Containerfile's JVM_ARGS").isTrue();
        String imageHeap = Stream.of(imageArgs.group(1).split(" ")).filter(option -> option.startsWith("-Xmx")).findFirst().orElseThrow();

        for (LocalTopology.App app : LocalTopology.read().apps()) {
            List<String> command = app.command();
            assertThat(command.subList(1, command.indexOf("-jar"))).as(app.id() + "'s JVM options in dapr.yaml").contains(imageHeap);
            // A runnable jar that finds a jvm.options starts the server in a second JVM, which outlives a stop of the first.
            assertThat(app.directory().resolve("src/main/liberty/config/jvm.options")).as(app.id() + "'s server config").doesNotExist();
        }
    }

    @Test
    void theConfigurationFileIsAmongTheRenderedResources() {
        for (LocalTopology.App app : LocalTopology.read().apps()) {
            assertThat(app.configFile(Repository.ROOT).getParent()).isIn(app.resourcesPaths(Repository.ROOT));
        }
    }

    /** Reads run-local --dry-run: "process NAME", then "  dir D", "  env K=V" and "  arg A" lines. */
    private static List<Planned> plan(String dryRun) {
        List<Planned> plan = new ArrayList<>();
        String name = null;
        String directory = null;
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        for (String line : (dryRun + "process end\n").lines().toList()) {
            if (line.startsWith("process ")) {
                if (name != null) {
                    plan.add(new Planned(name, directory, environment, arguments));
                }
                name = line.substring("process ".length());
                environment = new LinkedHashMap<>();
                arguments = new ArrayList<>();
            } else if (line.startsWith("  dir ")) {
                directory = line.substring("  dir ".length());
            } else if (line.startsWith("  env ")) {
                String variable = line.substring("  env ".length());
                environment.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
            } else if (line.startsWith("  arg ")) {
                arguments.add(line.substring("  arg ".length()));
            }
        }
        return plan;
    }
}
