package dev.daprliberty.bootstrap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** YAML documents as Jackson trees. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private Yaml() {
    }

    static JsonNode parse(String yaml) {
        try {
            return MAPPER.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a multi-document stream. */
    static List<JsonNode> documents(String yaml) {
        try (var documents = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            return documents.readAll().stream().filter(document -> document != null && !document.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one document of that kind and name. */
    static JsonNode object(List<JsonNode> documents, String kind, String name) {
        List<JsonNode> matches = documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.path("metadata").path("name").asText()))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + name + ", found " + matches.size() + " in " + documents);
        }
        return matches.get(0);
    }
}
