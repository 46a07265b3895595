package dev.daprliberty.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dapr Configuration and Resiliency of gitops/dapr-config/overlays/local, rendered with real kustomize, as
 * run-local renders them. One change, for the test only: the traces go to the test's own OTLP receiver rather
 * than to a Datadog Agent on localhost:4318.
 */
final class DaprSpecs {

    private static final String OVERLAY = "gitops/dapr-config/overlays/local";

    private DaprSpecs() {
    }

    /** Renders the overlay as it is into {@code folder}, one file per resource. */
    static void render(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.run(Repository.ROOT, Tools.kubectl().toString(), "kustomize", Repository.path(OVERLAY).toString(),
                "-o", folder.toString());
    }

    /** Renders into {@code folder} and points the traces at {@code otlpHttpPort}. */
    static void render(Path folder, Path configFile, int otlpHttpPort) {
        render(folder);
        try {
            if (!Files.isRegularFile(configFile)) {
                throw new IllegalStateException(OVERLAY + " rendered no " + configFile.getFileName() + " (dapr.yaml's configFilePath)");
            }
            Map<String, Object> configuration = new Yaml().load(Files.readString(configFile));
            otel(configuration).put("endpointAddress", "localhost:" + otlpHttpPort);
            DumperOptions block = new DumperOptions();
            block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Files.writeString(configFile, new Yaml(block).dump(configuration));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> otel(Map<String, Object> configuration) {
        Map<String, Object> spec = (Map<String, Object>) configuration.get("spec");
        return (Map<String, Object>) ((Map<String, Object>) spec.get("tracing")).get("otel");
    }
}
