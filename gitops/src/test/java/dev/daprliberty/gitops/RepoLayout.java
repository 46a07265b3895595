package dev.daprliberty.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Where the repository, its gitops/ folder and the shared reference data (../shared beside the checkout) are. */
record RepoLayout(Path root, Path shared) {

    static RepoLayout current() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("gitops/root-app.yaml"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("gitops/root-app.yaml not found above " + Path.of("").toAbsolutePath()
                    + ": run the tests from the repository (./mvnw verify -pl gitops)");
        }
        Path shared = root.resolve("../shared").normalize();
        if (!Files.isDirectory(shared.resolve("crds")) || !Files.isDirectory(shared.resolve("helm-values"))) {
            throw new IllegalStateException("reference data missing: expected " + shared
                    + " (crds/, helm-values/) beside the checkout, as ../shared relative to the repository root");
        }
        return new RepoLayout(root, shared);
    }

    Path gitops() {
        return root.resolve("gitops");
    }

    /**
     * A copy of gitops/'s manifests (not this module's sources and build output) under {@code target}, sharing the
     * same reference data: for examples that break something.
     */
    RepoLayout copyTo(Path target) {
        try (Stream<Path> files = Files.walk(gitops())) {
            for (Path source : (Iterable<Path>) files.filter(this::isManifest)::iterator) {
                Path copy = target.resolve(root.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RepoLayout(target, shared);
    }

    private boolean isManifest(Path path) {
        return !path.startsWith(gitops().resolve("src")) && !path.startsWith(gitops().resolve("target"));
    }

    /** Replaces text in a file of this layout; fails when the text is not there, so an example cannot silently test nothing. */
    RepoLayout edit(String file, String text, String replacement) {
        Path path = root.resolve(file);
        try {
            String content = Files.readString(path);
            if (!content.contains(text)) {
                throw new IllegalArgumentException(file + " does not contain: " + text);
            }
            Files.writeString(path, content.replace(text, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
