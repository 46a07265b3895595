package dev.daprliberty.comms.dapr;

import io.dapr.config.Properties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;

/**
 * SDK 1.18's {@code io.dapr.client.DaprInvokeHttpClient} (dapr/java-sdk#1742), the successor of the deprecated
 * {@code DaprClient.invokeMethod}, for SDK 1.17.1, which is the newest Maven Central serves complete: requests to
 * {@code {sidecar}/v1.0/invoke/{appId}/method/...} with the address, API token and read timeout the SDK resolves
 * from its own settings ({@code DAPR_HTTP_ENDPOINT}, else {@code DAPR_SIDECAR_IP} and {@code DAPR_HTTP_PORT};
 * {@code DAPR_API_TOKEN}; {@code DAPR_HTTP_CLIENT_READ_TIMEOUT_SECONDS}), as SDK 1.18 does.
 * <p>
 * On SDK 1.18: delete this class and write {@code new DaprClientBuilder().build().invokeHttpClient(appId)} where
 * {@link #forApp} is called; the methods used are the SDK's.
 */
public final class DaprInvokeHttpClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI baseUri;
    private final String apiToken;
    private final Duration readTimeout;

    private DaprInvokeHttpClient(URI baseUri, String apiToken, Duration readTimeout) {
        this.baseUri = baseUri;
        this.apiToken = apiToken;
        this.readTimeout = readTimeout;
    }

    /** The client for the app {@code appId}, configured from the SDK's settings. */
    public static DaprInvokeHttpClient forApp(Properties settings, String appId) {
        String endpoint = settings.getValue(Properties.HTTP_ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = "http://" + settings.getValue(Properties.SIDECAR_IP) + ":" + settings.getValue(Properties.HTTP_PORT);
        }
        return new DaprInvokeHttpClient(URI.create(endpoint.replaceAll("/+$", "") + "/v1.0/invoke/" + appId + "/method/"),
                settings.getValue(Properties.API_TOKEN),
                Duration.ofSeconds(settings.getValue(Properties.HTTP_CLIENT_READ_TIMEOUT_SECONDS)));
    }

    /** {@code {sidecar}/v1.0/invoke/{appId}/method/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** A request to the app's {@code relativePath}, with the API token (when set) and the read timeout. */
    public HttpRequest.Builder newRequestBuilder(String relativePath) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(relativePath)).timeout(readTimeout);
        if (apiToken != null && !apiToken.isEmpty()) {
            builder.header(DaprSidecarApi.API_TOKEN_HEADER, apiToken);
        }
        return builder;
    }

    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> bodyHandler) throws IOException, InterruptedException {
        return HTTP.send(request, bodyHandler);
    }
}
