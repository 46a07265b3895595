package dev.daprliberty.gitops;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real kubectl (its built-in kustomize) and helm, found on a PATH. */
final class KubeTools {

    private static final String INSTALL_HINT =
            "run .ci/install-kube-tools (installs kubectl 1.35 and helm 4 into ${TOOLS_BIN:-$HOME/.local/bin}) "
                    + "and put that directory first on PATH";
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private final Path kubectl;
    private final Path helm;

    private KubeTools(Path kubectl, Path helm) {
        this.kubectl = kubectl;
        this.helm = helm;
    }

    private static KubeTools fromEnvironment;

    /** The tools on this process' PATH, checked once they are found (a missing tool fails every caller the same way). */
    static synchronized KubeTools fromEnvironment() {
        if (fromEnvironment == null) {
            fromEnvironment = onPath(System.getenv().getOrDefault("PATH", ""));
        }
        return fromEnvironment;
    }

    /** The tools on the given PATH; fails naming the tool and the fix when one is missing or too old. */
    static KubeTools onPath(String path) {
        KubeTools tools = new KubeTools(find("kubectl", path), find("helm", path));
        String kubectlVersion = run(List.of(tools.kubectl.toString(), "version", "--client"), null);
        Matcher kustomize = KUSTOMIZE_VERSION.matcher(kubectlVersion);
        if (!kustomize.find() || Integer.parseInt(kustomize.group(1)) < 5) {
            throw new IllegalStateException(tools.kubectl + " has no kustomize v5 built in (" + kubectlVersion.strip()
                    + "): " + INSTALL_HINT);
        }
        String helmVersion = run(List.of(tools.helm.toString(), "version", "--template", "{{.Version}}"), null);
        if (!helmVersion.startsWith("v4.")) {
            throw new IllegalStateException(tools.helm + " is helm " + helmVersion.strip() + ", the tests need helm 4: "
                    + INSTALL_HINT);
        }
        return tools;
    }

    private static Path find(String tool, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " not on PATH: " + INSTALL_HINT);
    }

    Path kubectl() {
        return kubectl;
    }

    /** {@code kubectl kustomize dir}: the manifests, or a RenderException with kustomize's own message. */
    String kustomize(Path dir) {
        return run(List.of(kubectl.toString(), "kustomize", dir.toString()), dir);
    }

    /** {@code helm template release chart --namespace ns --set k=v...}, the way Argo CD renders a Helm source. */
    String helmTemplate(String release, Path chart, String namespace, Map<String, String> values) {
        List<String> command = new ArrayList<>(List.of(helm.toString(), "template", release, chart.toString(),
                "--namespace", namespace));
        values.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        return run(command, chart);
    }

    private static String run(List<String> command, Path subject) {
        CommandRun run = CommandRun.run(command, Map.of(), null, "", Duration.ofMinutes(2));
        if (run.exitCode() != 0) {
            throw new RenderException("rendering " + subject + " failed: " + run.stderr().strip());
        }
        return run.stdout();
    }

    /** kustomize or helm refused to render: the message is theirs. */
    static final class RenderException extends RuntimeException {
        RenderException(String message) {
            super(message);
        }
    }
}
