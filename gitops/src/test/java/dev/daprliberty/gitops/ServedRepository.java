package dev.daprliberty.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The user's side of the loop: a fork (a bare repository, served by {@link GitHttpsServer}) and a clone of it
 * that bootstrap/up and bootstrap/down run from and that pushes to it over HTTPS. Both start from the checkout
 * under test as it is on disk (committed or not), plus one commit that only this test makes (see
 * {@link #pointAtLoopback}).
 */
final class ServedRepository {

    static final String NAME = "dapr-liberty.git";
    static final String BRANCH = "main";

    final Path clone;
    final Path bare;
    private final Map<String, String> gitEnvironment = new HashMap<>();

    private ServedRepository(Path dir, Path caCert) {
        this.clone = dir.resolve("clone");
        this.bare = dir.resolve("served").resolve(NAME);
        gitEnvironment.put("HOME", dir.resolve("home").toString());
        gitEnvironment.put("GIT_CONFIG_NOSYSTEM", "1");
        gitEnvironment.put("GIT_SSL_CAINFO", caCert.toString());
        gitEnvironment.put("GIT_AUTHOR_NAME", "GitOps loop test");
        gitEnvironment.put("GIT_AUTHOR_EMAIL", "gitops-loop@example.invalid");
        gitEnvironment.put("GIT_COMMITTER_NAME", "GitOps loop test");
        gitEnvironment.put("GIT_COMMITTER_EMAIL", "gitops-loop@example.invalid");
    }

    /** The checkout's files (tracked, and untracked unless ignored) as the first commit of a new clone. */
    static ServedRepository snapshot(RepoLayout layout, Path dir, Path caCert) {
        ServedRepository repository = new ServedRepository(dir, caCert);
        try {
            Files.createDirectories(dir.resolve("home"));
            String files = CommandRun.run(List.of("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"),
                    Map.of(), layout.root()).orFail();
            for (String file : files.split("\0")) {
                Path source = layout.root().resolve(file);
                if (!file.isEmpty() && Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    Path target = repository.clone.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.git("init", "--quiet", "--initial-branch", BRANCH);
        repository.git("add", "--all");
        repository.git("commit", "--quiet", "--message", "The checkout under test");
        return repository;
    }

    /**
     * THE ONE CHANGE THIS TEST MAKES TO THE REPOSITORY, committed in the served fork only, because nothing outside
     * this machine is reachable: the Helm chart repositories' URLs in gitops/apps (the Applications and the
     * AppProject that allows them) point at their loopback mirrors, and gitops/argocd takes Argo CD's install
     * manifest from the Argo CD Go module at the same tag instead of raw.githubusercontent.com.
     */
    ServedRepository pointAtLoopback(Map<String, String> chartMirrors, String argocdInstallUrl, Path argocdInstallManifest) {
        try {
            Path templates = clone.resolve("gitops/apps/templates");
            for (Map.Entry<String, String> mirror : chartMirrors.entrySet()) {
                replaceEverywhere(templates, mirror.getKey(), mirror.getValue());
            }
            replaceEverywhere(clone.resolve("gitops/argocd"), argocdInstallUrl, "install.yaml");
            Files.copy(argocdInstallManifest, clone.resolve("gitops/argocd/install.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("add", "--all");
        git("commit", "--quiet", "--message", "Test only: Helm charts and Argo CD's install manifest from loopback");
        return this;
    }

    private static void replaceEverywhere(Path dir, String text, String replacement) throws IOException {
        List<Path> changed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file);
                if (content.contains(text)) {
                    Files.writeString(file, content.replace(text, replacement));
                    changed.add(file);
                }
            }
        }
        if (changed.isEmpty()) {
            throw new IllegalStateException("nothing in " + dir + " mentions " + text + ": update GitopsLoopIT");
        }
    }

    /** Publishes the clone as the fork at {@code url} (its origin), which accepts pushes over HTTPS. */
    ServedRepository publish(String url) {
        CommandRun.run(List.of("git", "clone", "--quiet", "--bare", clone.toString(), bare.toString()), gitEnvironment,
                null).orFail();
        CommandRun.run(List.of("git", "config", "http.receivepack", "true"), gitEnvironment, bare).orFail();
        git("remote", "add", "origin", url);
        git("fetch", "--quiet", "origin");
        git("branch", "--quiet", "--set-upstream-to", "origin/" + BRANCH);
        return this;
    }

    String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        return CommandRun.run(command, gitEnvironment, clone).orFail().strip();
    }

    /** What the clone's git commands see (the CA of the served fork, a private HOME): for scripts run in it. */
    Map<String, String> gitEnvironment() {
        return Map.copyOf(gitEnvironment);
    }

    String head() {
        return git("rev-parse", "HEAD");
    }
}
