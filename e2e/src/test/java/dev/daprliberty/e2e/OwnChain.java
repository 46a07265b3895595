package dev.daprliberty.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A chain (with its own OTLP receiver) for one test class that stops or breaks parts of it, so no other test sees
 * that. Register it as a static {@code @RegisterExtension} field: started before the class's tests, stopped after.
 */
final class OwnChain implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Chain.Options options;
    private OtlpReceiver receiver;
    private Chain chain;

    OwnChain(String name, Chain.Options options) {
        this.name = name;
        this.options = options;
    }

    Chain chain() {
        return chain;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        receiver = OtlpReceiver.start();
        chain = Chain.start(name, options, receiver);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chain != null) {
            chain.close();
        }
        receiver.close();
    }
}
