package dev.daprliberty.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The programs the chain needs besides Java: daprd and sentry (found or built by .ci/install-daprd) and kubectl. */
final class Tools {

    private Tools() {
    }

    /** daprd as .ci/install-daprd finds it, building the pinned version the first time (about 2.5 minutes). */
    static Path daprd() {
        return Path.of(run(Repository.ROOT, "bash", Repository.path(".ci/install-daprd").toString(), "--print-path").strip());
    }

    /** Dapr's certificate authority, found or built with daprd. */
    static Path sentry() {
        return Path.of(run(Repository.ROOT, "bash", Repository.path(".ci/install-daprd").toString(), "--print-path",
                "--sentry").strip());
    }

    static Path kubectl() {
        return Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of),
                        Stream.of(Path.of(System.getProperty("user.home"), ".local", "bin")))
                .map(folder -> folder.resolve("kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "kubectl not found on PATH or in ~/.local/bin: run 'bash .ci/install-kube-tools' (the e2e tests render "
                                + "the Dapr specs with its kustomize)"));
    }

    /** Runs a command to its end and returns its standard output; fails with everything it printed otherwise. */
    static String run(Path directory, String... command) {
        try {
            Path output = Files.createTempFile("e2e-tool", ".out");
            Path errors = Files.createTempFile("e2e-tool", ".err");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(directory.toFile())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                            + Files.readString(output, StandardCharsets.UTF_8) + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
