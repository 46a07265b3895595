package dev.daprliberty.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the repository is (the tests run from the module directory or the root) and its files. */
final class Repository {

    static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a script pins in a line {@code readonly NAME="VALUE"}. */
    static String pinned(String script, String name) {
        Matcher pin = Pattern.compile("^readonly " + name + "=\"([^\"]+)\"$", Pattern.MULTILINE).matcher(read(script));
        if (!pin.find()) {
            throw new AssertionError(script + " pins no " + name);
        }
        return pin.group(1);
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("bootstrap/up"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bootstrap/up not found above " + Path.of("").toAbsolutePath()
                    + ": run the tests from the repository (./mvnw verify -pl bootstrap)");
        }
        return dir;
    }
}
