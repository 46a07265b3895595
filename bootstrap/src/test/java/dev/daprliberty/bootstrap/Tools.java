package dev.daprliberty.bootstrap;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The real executables the tests need, found on the PATH Maven runs with. */
final class Tools {

    private Tools() {
    }

    static Optional<Path> find(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The tool, or a failure that names it and the installer that provides it. */
    static Path require(String name, String installer) {
        return find(name).orElseThrow(() -> new AssertionError(
                name + " not on PATH: run " + installer + " (it installs into $TOOLS_BIN, default ~/.local/bin) "
                        + "and put that directory first on PATH"));
    }
}
