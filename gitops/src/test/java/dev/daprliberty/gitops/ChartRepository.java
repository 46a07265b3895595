package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Helm chart repositories gitops/apps installs from, mirrored on loopback (no chart repository is reachable
 * here): each chart at the version an Application pins, packaged with real helm from its source (../shared/helm-charts,
 * or the Dapr Go module for the dapr chart), indexed with helm repo index and served over HTTP at
 * http://127.0.0.1:PORT/HOST/PATH of the upstream repository.
 */
final class ChartRepository implements AutoCloseable {

    /** repoURL, chart and targetRevision of a Helm source in gitops/apps/templates, in this order. */
    private static final Pattern HELM_SOURCE = Pattern.compile(
            "repoURL: (https://\\S+)\\s+chart: (\\S+)\\s+targetRevision: (\\S+)");

    record Chart(String repoUrl, String name, String version) {
    }

    private final HttpServer server;
    private final Path root;
    /** Upstream repository URL -> its loopback mirror. */
    final Map<String, String> mirrors = new LinkedHashMap<>();

    private ChartRepository(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The Helm charts the child Applications install. */
    static List<Chart> pinnedBy(RepoLayout layout) {
        List<Chart> charts = new ArrayList<>();
        try (Stream<Path> templates = Files.list(layout.gitops().resolve("apps/templates"))) {
            for (Path template : templates.sorted().toList()) {
                Matcher source = HELM_SOURCE.matcher(Files.readString(template));
                while (source.find()) {
                    charts.add(new Chart(source.group(1), source.group(2), source.group(3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return charts;
    }

    static ChartRepository serve(List<Chart> charts, RepoLayout layout, Path helm, Path dir) {
        try {
            ChartRepository repository = new ChartRepository(dir.resolve("served"));
            for (Chart chart : charts) {
                repository.add(chart, layout, helm, dir.resolve("sources"));
            }
            for (Map.Entry<String, String> mirror : repository.mirrors.entrySet()) {
                run(helm, "repo", "index", repository.folder(mirror.getKey()).toString(), "--url", mirror.getValue());
            }
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Chart chart, RepoLayout layout, Path helm, Path sources) throws IOException {
        Path source = copy(sourceOf(chart.name(), chart.version(), layout), sources.resolve(chart.name()));
        JsonNode chartYaml = Manifests.YAML.readTree(source.resolve("Chart.yaml").toFile());
        // Dependencies from a chart repository go into charts/, as helm dependency build would put them (the
        // others, like dapr's, are there already).
        for (JsonNode dependency : chartYaml.path("dependencies")) {
            if (!dependency.path("repository").asText().startsWith("https://")) {
                continue;
            }
            String name = dependency.path("name").asText();
            String version = dependency.path("version").asText();
            copy(sourceOf(name, version, layout), source.resolve("charts").resolve(name));
            add(new Chart(dependency.path("repository").asText(), name, version), layout, helm, sources);
        }
        List<String> packaging = new ArrayList<>(List.of("package", source.toString(), "-d", folder(chart.repoUrl()).toString()));
        if (chartYaml.path("version").asText().equals("0.0.0")) {
            // An unreleased source (dapr, dapr-dashboard): its release sets both versions.
            packaging.addAll(List.of("--version", chart.version(), "--app-version", chart.version()));
        }
        run(helm, packaging.toArray(String[]::new));
    }

    /** The folder of an upstream repository's mirror; registers the mirror. */
    private Path folder(String repoUrl) throws IOException {
        URI upstream = URI.create(repoUrl);
        String path = upstream.getHost() + upstream.getPath().replaceAll("/+$", "");
        mirrors.putIfAbsent(repoUrl, "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
        return Files.createDirectories(root.resolve(path));
    }

    private static Path sourceOf(String chart, String version, RepoLayout layout) {
        Path shared = layout.shared().resolve("helm-charts").resolve(chart + "-" + version);
        if (Files.isRegularFile(shared.resolve("Chart.yaml"))) {
            return shared;
        }
        if (chart.equals("dapr")) {
            return GoModule.dir("github.com/dapr/dapr", "v" + version).resolve("charts/dapr");
        }
        throw new IllegalStateException("no source for Helm chart " + chart + " " + version + ": expected " + shared
                + " (../shared/helm-charts holds the charts gitops/apps pins)");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void run(Path helm, String... arguments) {
        List<String> command = new ArrayList<>(List.of(helm.toString()));
        command.addAll(List.of(arguments));
        CommandRun.run(command, Map.of(), null).orFail();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type",
                    file.toString().endsWith(".yaml") ? "application/x-yaml" : "application/gzip");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
