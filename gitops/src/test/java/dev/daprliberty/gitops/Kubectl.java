package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real kubectl against the loopback API server, with the admin's kubeconfig. */
record Kubectl(Path kubectl, Path kubeconfig) {

    CommandRun run(String... arguments) {
        return withInput("", arguments);
    }

    CommandRun withInput(String stdin, String... arguments) {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(arguments));
        return CommandRun.run(command, Map.of(), null, stdin, Duration.ofMinutes(2));
    }

    /** Stdout of a kubectl command that must succeed. */
    String succeed(String... arguments) {
        return run(arguments).orFail();
    }

    JsonNode json(String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(List.of("-o", "json"));
        try {
            return Manifests.JSON.readTree(succeed(command.toArray(String[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void apply(String manifests) {
        withInput(manifests, "apply", "-f", "-").orFail();
    }

    /** Whether the API server answers that it is ready. */
    boolean ready() {
        CommandRun readyz = run("get", "--raw", "/readyz");
        return readyz.exitCode() == 0 && readyz.stdout().strip().equals("ok");
    }
}
