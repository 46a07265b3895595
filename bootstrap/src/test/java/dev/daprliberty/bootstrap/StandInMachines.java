package dev.daprliberty.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (and its @BeforeEach methods: the same one) a fresh {@link StandInMachine} in a temporary
 * directory, deleted after the test.
 */
final class StandInMachines implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StandInMachines.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StandInMachine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent("machine", key -> new Machine(), Machine.class).machine;
    }

    /** The machine and its directory, which the store deletes when the test is done. */
    private static final class Machine implements AutoCloseable {

        private final Path dir;
        private final StandInMachine machine;

        Machine() {
            try {
                dir = Files.createTempDirectory("stand-in-machine");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            machine = new StandInMachine(dir);
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
