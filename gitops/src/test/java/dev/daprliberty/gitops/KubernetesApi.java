package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The Kubernetes API schema of the built-in kinds, as the client-java models (Kubernetes 1.35) know it: their
 * validateJsonElement rejects unknown fields and missing required ones, as the API server's strict field
 * validation does.
 */
final class KubernetesApi {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private KubernetesApi() {
    }

    /** A whole object: its model class follows from apiVersion and kind (apps/v1 Deployment = V1Deployment). */
    static List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = Character.toUpperCase(version.charAt(0)) + version.substring(1) + Manifests.kind(object);
        return problems(model, object).stream().map(problem -> Manifests.describe(object) + ": " + problem).toList();
    }

    /** A value of one model, e.g. "ObjectMeta" for a custom resource's metadata. */
    static List<String> problems(String model, JsonNode value) {
        Class<?> modelClass;
        try {
            modelClass = Class.forName(MODELS + (model.equals("ObjectMeta") ? "V1ObjectMeta" : model));
        } catch (ClassNotFoundException e) {
            return List.of("not a Kubernetes 1.35 API kind (no model " + model + ")");
        }
        JsonElement json = JsonParser.parseString(value.toString());
        try {
            modelClass.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
            return List.of();
        } catch (InvocationTargetException e) {
            // Its message ends with the whole JSON it was given: the field and model say enough.
            return List.of(String.valueOf(e.getCause().getMessage()).replaceFirst("\\. JSON: .*", "").strip());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client-java model " + modelClass + " cannot validate JSON", e);
        }
    }
}
