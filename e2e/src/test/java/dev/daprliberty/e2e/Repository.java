package dev.daprliberty.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout and this module's scratch folder are (set by the Failsafe configuration). */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    static final Path WORK = Path.of(System.getProperty("e2e.work", "target/e2e")).toAbsolutePath().normalize();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative).normalize();
    }

    /** A new folder for one run of something under the scratch folder. */
    static Path workFolder(String name) {
        try {
            return Files.createDirectories(WORK.resolve(name + "-" + System.nanoTime()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
