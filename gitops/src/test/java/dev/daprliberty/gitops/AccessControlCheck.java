package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The product's access rule, in every Configuration its sidecars load: only comms may call POST /greet; all else is denied. */
final class AccessControlCheck {

    static final Set<String> ALLOWED = Set.of("comms POST /greet");

    private AccessControlCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode configuration : Manifests.ofKind(tree.allDeployed(), "Configuration")) {
            String where = Manifests.describe(configuration) + ": ";
            JsonNode accessControl = configuration.path("spec").path("accessControl");
            if (!"deny".equals(accessControl.path("defaultAction").asText())) {
                problems.add(where + "accessControl.defaultAction must be deny");
            }
            Set<String> allowed = new TreeSet<>();
            for (JsonNode policy : accessControl.path("policies")) {
                if (!"deny".equals(policy.path("defaultAction").asText())) {
                    problems.add(where + "policy for " + policy.path("appId").asText() + " must deny by default");
                }
                for (JsonNode operation : policy.path("operations")) {
                    if ("allow".equals(operation.path("action").asText())) {
                        operation.path("httpVerb").forEach(verb -> allowed.add(policy.path("appId").asText() + " "
                                + verb.asText() + " " + operation.path("name").asText()));
                    }
                }
            }
            if (!allowed.equals(new TreeSet<>(ALLOWED))) {
                problems.add(where + "allows " + allowed + ", expected exactly " + ALLOWED);
            }
        }
        return problems;
    }
}
