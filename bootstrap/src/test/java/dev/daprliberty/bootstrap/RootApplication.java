package dev.daprliberty.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The root Application and its AppProject, as gitops/root-app.yaml holds them or as up applies them. */
record RootApplication(JsonNode project, JsonNode application) {

    static RootApplication of(String yaml) {
        List<JsonNode> documents = Yaml.documents(yaml);
        return new RootApplication(Yaml.object(documents, "AppProject", "dapr-liberty-root"),
                Yaml.object(documents, "Application", "dapr-liberty"));
    }

    String name() {
        return application.path("metadata").path("name").asText();
    }

    List<String> projectSourceRepos() {
        return Yaml.MAPPER.convertValue(project.path("spec").path("sourceRepos"), Yaml.STRINGS);
    }

    String repoURL() {
        return application.path("spec").path("source").path("repoURL").asText();
    }

    String targetRevision() {
        return application.path("spec").path("source").path("targetRevision").asText();
    }

    /** The Helm parameters, name to value. */
    Map<String, String> helmParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        application.path("spec").path("source").path("helm").path("parameters")
                .forEach(parameter -> parameters.put(parameter.path("name").asText(), parameter.path("value").asText()));
        return parameters;
    }
}
