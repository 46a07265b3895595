package dev.daprliberty.greeter;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.microshed.testing.ApplicationEnvironment;

/**
 * Raw HTTP to the running greeter, for requests a typed client cannot send (malformed JSON, wrong
 * Content-Type, other methods). The address comes from MicroShed Testing's environment.
 */
final class GreeterHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private GreeterHttp() {
    }

    static URI uri(String path) {
        String base = ApplicationEnvironment.Resolver.load().getApplicationURL();
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    static HttpResponse<String> postJson(String body) {
        return send(HttpRequest.newBuilder(uri("/greet")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("greeter is not answering at " + uri("/") + " (is the Liberty server started?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
