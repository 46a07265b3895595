package dev.daprliberty.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The binaries of the GitOps loop that .ci/install-gitops-loop builds into the cache outside the repository,
 * at the versions that script pins (read from it, so the two cannot disagree). A missing one fails the test
 * naming the script to run: CI runs it, so no CI run can pass without them.
 */
final class LoopBinaries {

    static final String INSTALLER = ".ci/install-gitops-loop";
    private static final Pattern PINNED = Pattern.compile("^readonly ([A-Z_]+)_VERSION=\"(v[^\"]+)\"$", Pattern.MULTILINE);

    private final Path cache;
    private final Map<String, String> versions;

    private LoopBinaries(Path cache, Map<String, String> versions) {
        this.cache = cache;
        this.versions = versions;
    }

    static LoopBinaries of(RepoLayout layout) {
        Map<String, String> versions = new HashMap<>();
        try {
            Matcher pinned = PINNED.matcher(Files.readString(layout.root().resolve(INSTALLER)));
            while (pinned.find()) {
                versions.put(pinned.group(1).toLowerCase(), pinned.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LoopBinaries(cacheDirectory(System.getenv()), versions);
    }

    /** Where the installer puts its builds: $DAPR_LIBERTY_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/dapr-liberty. */
    static Path cacheDirectory(Map<String, String> environment) {
        String explicit = environment.get("DAPR_LIBERTY_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(environment.get("HOME"), ".cache");
        return base.resolve("dapr-liberty");
    }

    Path etcd() {
        return binary("etcd", "etcd");
    }

    Path kubernetes(String component) {
        return binary("kubernetes", component);
    }

    Path kwok() {
        return binary("kwok", "kwok");
    }

    Path argocd(String component) {
        return binary("argocd", component);
    }

    /** The helm of Argo CD's repo server image. */
    Path helm() {
        return binary("helm", "helm");
    }

    /** What Argo CD's repo server image has on PATH: its helm and kustomize, and its git wrapper scripts. */
    String repoServerToolsPath() {
        return helm().getParent() + ":" + binary("kustomize", "kustomize").getParent() + ":"
                + binary("argocd", "git-verify-wrapper.sh").getParent();
    }

    Path redisServer() {
        return onPath("redis-server", "run bash .ci/install-redis, which installs Debian's redis-server with apt-get"
                + " (.ci/run does this)");
    }

    /** A program on this process' PATH; fails with {@code fix} when there is none. */
    static Path onPath(String program, String fix) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(program + " is not on PATH: " + fix);
    }

    private Path binary(String tool, String name) {
        String version = versions.get(tool);
        if (version == null) {
            throw new IllegalStateException(INSTALLER + " pins no " + tool.toUpperCase() + "_VERSION");
        }
        Path binary = cache.resolve(tool + "-" + version).resolve("bin").resolve(name);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(name + " " + version + " is not built (no " + binary + "): run bash "
                    + INSTALLER + " once (it builds the GitOps loop's binaries into " + cache + "; .ci/run does this)");
        }
        return binary;
    }
}
