package dev.daprliberty.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * dapr.yaml, the Dapr CLI's Multi-App Run file, read as the CLI reads it: an app's own value wins over the
 * common section's, environments are merged, paths are relative to the file's folder.
 */
final class LocalTopology {

    /** The ports of one app and its sidecar. */
    record Ports(int app, int daprHttp, int daprGrpc, int metrics) {

        static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        }
    }

    /** The run file's app health probe settings and the daprd flags they become ("0" leaves a flag out). */
    static final Map<String, String> APP_HEALTH_FLAGS = orderedMap("appHealthProbeInterval", "--app-health-probe-interval",
            "appHealthProbeTimeout", "--app-health-probe-timeout", "appHealthThreshold", "--app-health-threshold");

    /** One entry of {@code apps}, merged with {@code common}. */
    record App(String id, Map<String, Object> settings) {

        Ports ports() {
            return new Ports(number("appPort"), number("daprHTTPPort"), number("daprGRPCPort"), number("metricsPort"));
        }

        Path directory() {
            return Repository.path(text("appDirPath"));
        }

        @SuppressWarnings("unchecked")
        List<String> command() {
            return (List<String>) settings.get("command");
        }

        /** The variables the Dapr CLI gives the app: its ports and its sidecar's, then dapr.yaml's env. */
        Map<String, String> environment(Ports ports) {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("APP_ID", id);
            environment.put("APP_PORT", Integer.toString(ports.app()));
            environment.put("DAPR_HTTP_PORT", Integer.toString(ports.daprHttp()));
            environment.put("DAPR_GRPC_PORT", Integer.toString(ports.daprGrpc()));
            environment.put("DAPR_METRICS_PORT", Integer.toString(ports.metrics()));
            environment.putAll(declaredEnvironment());
            return environment;
        }

        @SuppressWarnings("unchecked")
        Map<String, String> declaredEnvironment() {
            Map<String, String> declared = new LinkedHashMap<>();
            ((Map<String, Object>) settings.getOrDefault("env", Map.of()))
                    .forEach((key, value) -> declared.put(key, String.valueOf(value)));
            return declared;
        }

        /**
         * daprd's flags, as the Dapr CLI derives them from the run file (empty values left out).
         *
         * @param sentryAddress where daprd gets its mTLS certificate, when the Configuration enables mTLS
         */
        List<String> daprdArguments(Ports ports, Path configFile, List<Path> resourcesPaths, Optional<String> sentryAddress) {
            List<String> arguments = new ArrayList<>(List.of("--app-id", id, "--app-port", Integer.toString(ports.app()),
                    "--dapr-http-port", Integer.toString(ports.daprHttp()),
                    "--dapr-grpc-port", Integer.toString(ports.daprGrpc()),
                    "--metrics-port", Integer.toString(ports.metrics()),
                    "--config", configFile.toString()));
            resourcesPaths.forEach(path -> arguments.addAll(List.of("--resources-path", path.toString())));
            if (Boolean.TRUE.equals(settings.get("enableAppHealthCheck"))) {
                arguments.add("--enable-app-health-check");
            }
            optional("appHealthCheckPath").ifPresent(path -> arguments.addAll(List.of("--app-health-check-path", path)));
            APP_HEALTH_FLAGS.forEach((key, flag) -> optional(key).filter(value -> !value.equals("0"))
                    .ifPresent(value -> arguments.addAll(List.of(flag, value))));
            optional("placementHostAddress").ifPresent(address -> arguments.addAll(List.of("--placement-host-address", address)));
            optional("schedulerHostAddress").ifPresent(address -> arguments.addAll(List.of("--scheduler-host-address", address)));
            sentryAddress.ifPresent(address -> arguments.addAll(List.of("--enable-mtls", "--sentry-address", address)));
            return arguments;
        }

        /** The Configuration file, its relative path resolved against {@code root} (the repository, for the CLI). */
        Path configFile(Path root) {
            return root.resolve(text("configFilePath")).normalize();
        }

        @SuppressWarnings("unchecked")
        List<Path> resourcesPaths(Path root) {
            return ((List<String>) settings.get("resourcesPaths")).stream().map(path -> root.resolve(path).normalize()).toList();
        }

        String healthCheckPath() {
            return text("appHealthCheckPath");
        }

        private Optional<String> optional(String key) {
            return Optional.ofNullable(settings.get(key)).map(String::valueOf).filter(value -> !value.isBlank());
        }

        private String text(String key) {
            return optional(key).orElseThrow(() -> new IllegalStateException("dapr.yaml: app " + id + " has no " + key));
        }

        private int number(String key) {
            return Integer.parseInt(text(key));
        }
    }

    /** Where the Dapr CLI points daprd for its certificate when the Configuration enables mTLS. */
    static final String CLI_SENTRY_ADDRESS = "localhost:50001";

    private final List<App> apps;

    private LocalTopology(List<App> apps) {
        this.apps = apps;
    }

    static LocalTopology read() {
        return read(Repository.path("dapr.yaml"));
    }

    @SuppressWarnings("unchecked")
    static LocalTopology read(Path file) {
        Map<String, Object> runFile;
        try (Reader reader = Files.newBufferedReader(file)) {
            runFile = new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> common = (Map<String, Object>) runFile.getOrDefault("common", Map.of());
        List<App> apps = new ArrayList<>();
        for (Map<String, Object> app : (List<Map<String, Object>>) runFile.get("apps")) {
            Map<String, Object> merged = new LinkedHashMap<>(common);
            merged.putAll(app);
            Map<String, Object> environment = new LinkedHashMap<>((Map<String, Object>) common.getOrDefault("env", Map.of()));
            environment.putAll((Map<String, Object>) app.getOrDefault("env", Map.of()));
            merged.put("env", environment);
            apps.add(new App(String.valueOf(app.get("appID")), merged));
        }
        return new LocalTopology(List.copyOf(apps));
    }

    /** The namespace of the cluster's Dapr specs; the local sidecars say they run there too (NAMESPACE). */
    @SuppressWarnings("unchecked")
    static String clusterNamespace() {
        try (Reader reader = Files.newBufferedReader(Repository.path("gitops/dapr-config/overlays/kubernetes/kustomization.yaml"))) {
            return String.valueOf(((Map<String, Object>) new Yaml().load(reader)).get("namespace"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a Configuration file enables mTLS (spec.mtls.enabled), as the Dapr CLI reads it. */
    @SuppressWarnings("unchecked")
    static boolean enablesMtls(Path configuration) {
        try (Reader reader = Files.newBufferedReader(configuration)) {
            Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("spec");
            Map<String, Object> mtls = (Map<String, Object>) spec.getOrDefault("mtls", Map.of());
            return Boolean.TRUE.equals(mtls.get("enabled"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    List<App> apps() {
        return apps;
    }

    App app(String id) {
        return apps.stream().filter(app -> app.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("dapr.yaml has no app " + id));
    }
}
