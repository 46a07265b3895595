package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Container logs are billed by volume: every DatadogAgent collects the logs of the workloads deployed here and no
 * others. With containerCollectAll the node Agent must exclude every namespace (kube_namespace:.* in
 * DD_CONTAINER_EXCLUDE_LOGS) and include each namespace of those workloads (DD_CONTAINER_INCLUDE_LOGS; inclusion
 * wins); without it, the Agent collects only containers with an Autodiscovery logs annotation.
 */
final class LogCollectionCheck {

    private static final String EVERY_NAMESPACE = "kube_namespace:.*";
    private static final String NAMESPACE = "kube_namespace:";

    private LogCollectionCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<ObjectNode> objects = tree.allDeployed();
        List<String> problems = new ArrayList<>();
        for (ObjectNode agent : Manifests.ofKind(objects, "DatadogAgent")) {
            String where = Manifests.describe(agent) + ": ";
            JsonNode logs = agent.path("spec").path("features").path("logCollection");
            if (!logs.path("enabled").asBoolean()) {
                problems.add(where + "collects no logs: the services' logs, with their trace ids, never reach Datadog");
            } else if (logs.path("containerCollectAll").asBoolean()) {
                problems.addAll(namespaceFilterProblems(where, nodeAgentEnvironment(agent), Workloads.of(objects)));
            } else {
                for (Workloads.Workload workload : Workloads.of(objects)) {
                    workload.spec().path("containers").forEach(container -> {
                        if (workload.annotation("ad.datadoghq.com/" + container.path("name").asText() + ".logs").isEmpty()) {
                            problems.add(workload.describe() + ": the logs of container " + container.path("name").asText()
                                    + " are not collected (no containerCollectAll, no ad.datadoghq.com/<container>.logs)");
                        }
                    });
                }
            }
        }
        return problems;
    }

    private static List<String> namespaceFilterProblems(String where, Map<String, String> env,
            List<Workloads.Workload> workloads) {
        List<String> excluded = patterns(env, "DD_CONTAINER_EXCLUDE_LOGS", "DD_CONTAINER_EXCLUDE");
        if (!excluded.contains(EVERY_NAMESPACE)) {
            return List.of(where + "collects the logs of every container on the cluster: give the node Agent "
                    + "DD_CONTAINER_EXCLUDE_LOGS=" + EVERY_NAMESPACE + " and include the product's namespaces in "
                    + "DD_CONTAINER_INCLUDE_LOGS");
        }
        List<Pattern> included = patterns(env, "DD_CONTAINER_INCLUDE_LOGS", "DD_CONTAINER_INCLUDE").stream()
                .filter(pattern -> pattern.startsWith(NAMESPACE))
                .map(pattern -> Pattern.compile(pattern.substring(NAMESPACE.length()))).toList();
        List<String> problems = new ArrayList<>();
        for (Workloads.Workload workload : workloads) {
            if (included.stream().noneMatch(pattern -> pattern.matcher(workload.namespace()).find())) {
                problems.add(workload.describe() + ": its logs are not collected: the node Agent's DD_CONTAINER_INCLUDE_LOGS"
                        + " does not include namespace " + workload.namespace());
            }
        }
        return problems;
    }

    /** The node Agent's environment: spec.global.env, then spec.override.nodeAgent.env (which wins). */
    private static Map<String, String> nodeAgentEnvironment(ObjectNode agent) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode list : List.of(agent.at("/spec/global/env"), agent.at("/spec/override/nodeAgent/env"))) {
            list.forEach(variable -> env.put(variable.path("name").asText(), variable.path("value").asText()));
        }
        return env;
    }

    /** The space-separated patterns of the first of these variables that is set. */
    private static List<String> patterns(Map<String, String> env, String... names) {
        return Arrays.stream(names).filter(env::containsKey).findFirst()
                .map(name -> Arrays.stream(env.get(name).trim().split("\\s+")).toList()).orElse(List.of());
    }
}
