package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Dapr's names line up: each Dapr workload's config names a Configuration in its namespace and its app-port is a
 * port of the pod; the access control policies and the Resiliency scopes and targets name app ids that run in
 * their namespace, and Resiliency targets use policies that exist.
 */
final class DaprWiringCheck {

    private DaprWiringCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<ObjectNode> objects = tree.allDeployed();
        List<Workloads.Workload> workloads = Workloads.daprEnabled(objects);
        Map<String, Set<String>> appIdsByNamespace = workloads.stream().collect(Collectors.groupingBy(
                Workloads.Workload::namespace, Collectors.mapping(Workloads.Workload::daprAppId, Collectors.toSet())));
        List<String> problems = new ArrayList<>();
        for (Workloads.Workload workload : workloads) {
            problems.addAll(workloadProblems(workload, objects));
        }
        for (ObjectNode configuration : Manifests.ofKind(objects, "Configuration")) {
            for (JsonNode policy : configuration.path("spec").path("accessControl").path("policies")) {
                String appId = policy.path("appId").asText();
                String namespace = policy.path("namespace").asText();
                if (!appIdsByNamespace.getOrDefault(namespace, Set.of()).contains(appId)) {
                    problems.add(Manifests.describe(configuration) + ": access control policy for app id " + appId
                            + " in namespace " + namespace + ", but no Dapr workload there has that app id");
                }
            }
        }
        for (ObjectNode resiliency : Manifests.ofKind(objects, "Resiliency")) {
            problems.addAll(resiliencyProblems(resiliency,
                    appIdsByNamespace.getOrDefault(Manifests.namespace(resiliency), Set.of())));
        }
        return problems;
    }

    private static List<String> workloadProblems(Workloads.Workload workload, List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        String where = workload.describe() + ": ";
        if (workload.daprAppId().isEmpty()) {
            problems.add(where + "Dapr-enabled without dapr.io/app-id");
        }
        String config = workload.annotation("dapr.io/config");
        boolean configExists = Manifests.ofKind(objects, "Configuration").stream().anyMatch(c ->
                Manifests.name(c).equals(config) && Manifests.namespace(c).equals(workload.namespace()));
        if (!configExists) {
            problems.add(where + "Dapr config '" + config + "' is no Configuration in namespace " + workload.namespace());
        }
        String appPort = workload.annotation("dapr.io/app-port");
        boolean portExists = workload.containers().stream().flatMap(c -> stream(c.path("ports")))
                .anyMatch(port -> port.path("containerPort").asText().equals(appPort));
        if (!portExists) {
            problems.add(where + "dapr.io/app-port " + appPort + " is no containerPort of the pod");
        }
        return problems;
    }

    private static List<String> resiliencyProblems(ObjectNode resiliency, Set<String> appIds) {
        List<String> problems = new ArrayList<>();
        String where = Manifests.describe(resiliency) + ": ";
        resiliency.path("scopes").forEach(scope -> {
            if (!appIds.contains(scope.asText())) {
                problems.add(where + "scope " + scope.asText() + " is no Dapr app id in its namespace " + new TreeSet<>(appIds));
            }
        });
        JsonNode policies = resiliency.path("spec").path("policies");
        for (Map.Entry<String, JsonNode> target : resiliency.path("spec").path("targets").path("apps").properties()) {
            if (!appIds.contains(target.getKey())) {
                problems.add(where + "target app " + target.getKey() + " is no Dapr app id in its namespace "
                        + new TreeSet<>(appIds));
            }
            for (String[] use : new String[][] {{"timeout", "timeouts"}, {"retry", "retries"},
                    {"circuitBreaker", "circuitBreakers"}}) {
                String policy = target.getValue().path(use[0]).asText("");
                if (!policy.isEmpty() && !policies.path(use[1]).has(policy)) {
                    problems.add(where + "target app " + target.getKey() + " uses " + use[0] + " policy " + policy
                            + ", which spec.policies." + use[1] + " does not define");
                }
            }
        }
        return problems;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
