package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Some files of this repository copied to a directory, to break one of them and show a check failing. */
record CheckoutCopy(Path root) {

    /** Copies files, or directories with everything in them. */
    static CheckoutCopy of(Path root, String... paths) {
        try {
            for (String path : paths) {
                try (Stream<Path> files = Files.walk(Repository.path(path))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path copy = root.resolve(Repository.ROOT.relativize(file).toString());
                        Files.createDirectories(copy.getParent());
                        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CheckoutCopy(root);
    }

    /** Replaces the one occurrence of {@code text} in {@code file}. */
    CheckoutCopy replace(String file, String text, String replacement) {
        try {
            Path path = root.resolve(file);
            String content = Files.readString(path);
            assertThat(content).as(file).containsOnlyOnce(text);
            Files.writeString(path, content.replace(text, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
