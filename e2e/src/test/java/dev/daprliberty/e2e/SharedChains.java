package dev.daprliberty.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One chain per comms adapter, shared by the test classes that only greet through it (they change nothing), with
 * the OTLP receiver all of them export to. Started on first use, stopped when the whole test run ends. Tests that
 * stop or break a part of the chain start a chain of their own.
 */
final class SharedChains implements AutoCloseable {

    /** Gives a test method or constructor parameter of type SharedChains the run's one instance. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedChains.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(SharedChains.class, key -> new SharedChains(), SharedChains.class);
        }
    }

    private final OtlpReceiver receiver = OtlpReceiver.start();
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();

    Chain of(String adapter) {
        return chains.computeIfAbsent(adapter, name -> Chain.start("shared-" + name, Chain.Options.adapter(name), receiver));
    }

    OtlpReceiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        chains.values().parallelStream().forEach(Chain::close);
        receiver.close();
    }
}
