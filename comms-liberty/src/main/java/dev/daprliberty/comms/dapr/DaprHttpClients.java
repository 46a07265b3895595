package dev.daprliberty.comms.dapr;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Builds REST clients for the sidecar's HTTP API; the base URL comes from configuration at runtime. */
final class DaprHttpClients {

    private DaprHttpClients() {
    }

    /** A client that gives up connecting and reading after {@code timeout}. */
    static DaprHttpApi create(DaprSidecar sidecar, Duration timeout) {
        return RestClientBuilder.newBuilder()
                .baseUri(sidecar.endpoint())
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(DaprHttpApi.class);
    }

    /** REST Client proxies are Closeable (MicroProfile Rest Client spec); closing frees their connections. */
    static void close(DaprHttpApi client) {
        try {
            ((Closeable) client).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
