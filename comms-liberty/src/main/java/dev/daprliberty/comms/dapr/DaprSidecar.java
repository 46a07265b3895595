package dev.daprliberty.comms.dapr;

import dev.daprliberty.comms.greeter.GreeterUnavailableException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where comms' Dapr sidecar listens for HTTP and the API token it expects, if any.
 *
 * @param endpoint base URL of the sidecar's HTTP API, e.g. {@code http://localhost:3500}
 * @param apiToken sent as {@code dapr-api-token} when present
 */
public record DaprSidecar(URI endpoint, Optional<String> apiToken) {

    /** The header the sidecar reads the API token from. */
    public static final String API_TOKEN_HEADER = "dapr-api-token";

    public DaprSidecar {
        Objects.requireNonNull(endpoint, "endpoint");
        apiToken = apiToken.filter(token -> !token.isBlank());
    }

    /**
     * The sidecar from Dapr's own variables: a whole endpoint URL wins over a port on localhost.
     *
     * @param endpoint DAPR_HTTP_ENDPOINT, if set
     * @param port     DAPR_HTTP_PORT
     * @param apiToken DAPR_API_TOKEN, if set
     */
    public static DaprSidecar of(Optional<String> endpoint, int port, Optional<String> apiToken) {
        URI uri = URI.create(endpoint.filter(url -> !url.isBlank()).orElse("http://localhost:" + port));
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("dapr.http.endpoint (DAPR_HTTP_ENDPOINT) must be an absolute URL such as "
                    + "http://localhost:3500, not '" + uri + "'");
        }
        return new DaprSidecar(uri, apiToken);
    }

    /** Greeter (or the sidecar on its behalf) answered an error instead of a greeting. */
    public GreeterUnavailableException errorAnswer(int httpStatus, Optional<String> daprErrorCode) {
        return new GreeterUnavailableException("greeter answered HTTP " + httpStatus + " through the Dapr sidecar at "
                + endpoint + daprErrorCode.map(code -> " (" + code + ")").orElse(""));
    }

    /** Nothing answered at the sidecar's address, or not in time. */
    public GreeterUnavailableException noAnswer(Throwable cause) {
        return new GreeterUnavailableException("no answer from the Dapr sidecar at " + endpoint, cause);
    }
}
