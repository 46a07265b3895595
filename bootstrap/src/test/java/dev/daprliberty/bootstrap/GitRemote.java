package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bare git repository standing in for GitHub's copy of this repository, with clones of it. */
record GitRemote(Path dir) {

    private static final String GIT = Tools.require("git", "your package manager").toString();

    static GitRemote create(Path dir) {
        GitRemote remote = new GitRemote(dir);
        remote.git(dir, "init", "--quiet", "--bare", "--initial-branch=main", "origin.git");
        return remote;
    }

    /** A clone on branch main (the first clone of the empty remote starts main itself). */
    Path cloneTo(String name) {
        git(dir, "clone", "--quiet", "origin.git", name);
        Path clone = dir.resolve(name);
        git(clone, "checkout", "--quiet", "-B", "main");
        return clone;
    }

    void commitAndPush(Path clone, String message) {
        git(clone, "add", "--all");
        git(clone, "commit", "--quiet", "-m", message);
        git(clone, "push", "--quiet", "origin", "HEAD:main");
    }

    /** The commit a revision of a clone names. */
    String commitOf(Path clone, String revision) {
        return git(clone, "rev-parse", revision).strip();
    }

    /** The subjects of main's commits, newest first. */
    List<String> log() {
        return git(dir.resolve("origin.git"), "log", "--format=%s", "main").lines().toList();
    }

    String show(String object) {
        return git(dir.resolve("origin.git"), "show", object);
    }

    /** An environment in which git reads no configuration but its repository's, plus {@code more}. */
    Map<String, String> environment(Map<String, String> more) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", Path.of(GIT).getParent() + ":/usr/bin:/bin");
        environment.put("HOME", dir.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.putAll(more);
        return environment;
    }

    private String git(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of(GIT, "-c", "user.name=Test", "-c",
                "user.email=test@example.org"));
        command.addAll(List.of(args));
        Execution git = Execution.run(command, environment(Map.of()), directory, "");
        assertThat(git.exitCode()).as(String.join(" ", args) + "\n" + git.output()).isZero();
        return git.stdout();
    }
}
