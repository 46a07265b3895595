package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Every object against its real schema: custom resources against their CRD, the rest against the Kubernetes API. */
final class ApiSchemas {

    private final CrdCatalog crds;

    ApiSchemas(CrdCatalog crds) {
        this.crds = crds;
    }

    List<String> problems(ObjectNode object) {
        return crds.definesGroup(Manifests.group(object)) ? crds.problems(object) : KubernetesApi.problems(object);
    }

    List<String> problems(List<ObjectNode> objects) {
        return objects.stream().flatMap(object -> problems(object).stream()).toList();
    }
}
