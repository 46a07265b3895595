package dev.daprliberty.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A short command of the GitOps loop test (kubectl, git, helm, openssl, a bootstrap script), run to its end. */
record CommandRun(List<String> command, int exitCode, String stdout, String stderr) {

    static CommandRun run(List<String> command, Map<String, String> environment, Path directory, String stdin,
            Duration timeout) {
        try {
            Path out = Files.createTempFile("command", ".out");
            Path err = Files.createTempFile("command", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                builder.environment().putAll(environment);
                Process process = builder.start();
                try (var input = process.getOutputStream()) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                            + "; its output so far:\n" + Files.readString(out) + Files.readString(err));
                }
                return new CommandRun(command, process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.delete(out);
                Files.delete(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CommandRun run(List<String> command, Map<String, String> environment, Path directory) {
        return run(command, environment, directory, "", Duration.ofMinutes(2));
    }

    /** Stdout of a command that must succeed; fails naming the command and what it printed. */
    String orFail() {
        if (exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode + ":\n" + stderr + stdout);
        }
        return stdout;
    }

    String output() {
        return stdout + stderr;
    }
}
