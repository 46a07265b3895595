package dev.daprliberty.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

/** What bootstrap/up's closing instructions rely on in gitops/ (the other helper's tree): Service ports. */
final class GitopsServices {

    private GitopsServices() {
    }

    static int servicePort(String file, String service) {
        JsonNode object = Yaml.object(Yaml.documents(Repository.read(file)), "Service", service);
        return object.path("spec").path("ports").path(0).path("port").asInt();
    }
}
