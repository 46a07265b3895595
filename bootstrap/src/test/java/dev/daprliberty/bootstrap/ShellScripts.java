package dev.daprliberty.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The shell scripts of a checkout: files with a bash or sh shebang, and *.sh files (sourced libraries). */
final class ShellScripts {

    /** Build output and the Maven Wrapper's generated mvnw are not ours to lint. */
    private static final Set<String> NOT_OURS = Set.of(".git", "target", "node_modules", "mvnw");

    private ShellScripts() {
    }

    static List<String> under(Path root) {
        List<String> scripts = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return NOT_OURS.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!NOT_OURS.contains(file.getFileName().toString()) && isShell(file)) {
                        scripts.add(root.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts.stream().sorted().toList();
    }

    private static boolean isShell(Path file) {
        return file.toString().endsWith(".sh")
                || firstLine(file).matches("#!\\s*(/usr/bin/env\\s+|/bin/|/usr/bin/)(ba)?sh\\b.*");
    }

    /** Whether a script stops on errors, unset variables and failed pipes. */
    static boolean stopsOnErrors(String script) {
        return script.lines().anyMatch(line -> line.strip().equals("set -euo pipefail"));
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
