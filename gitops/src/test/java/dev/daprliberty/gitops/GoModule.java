package dev.daprliberty.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The source of a Go module at a version, from the Go module cache (go mod download fetches it if need be). */
final class GoModule {

    private GoModule() {
    }

    static Path dir(String module, String version) {
        String download = CommandRun.run(List.of("go", "mod", "download", "-json", module + "@" + version),
                Map.of("GOFLAGS", "-mod=mod"), null).orFail();
        try {
            return Path.of(Manifests.JSON.readTree(download).path("Dir").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
