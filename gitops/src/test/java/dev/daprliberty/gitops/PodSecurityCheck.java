package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The product's workloads run in namespaces that enforce the restricted Pod Security Standard and meet it (the API
 * server would refuse their pods otherwise), with a read-only root filesystem, requests and limits, and the three
 * MicroProfile Health probes.
 */
final class PodSecurityCheck {

    static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    private static final Set<String> SECCOMP = Set.of("RuntimeDefault", "Localhost");

    private PodSecurityCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<ObjectNode> objects = tree.allDeployed();
        List<String> problems = new ArrayList<>();
        for (Workloads.Workload workload : Workloads.of(objects)) {
            boolean restricted = Manifests.ofKind(objects, "Namespace").stream().anyMatch(ns ->
                    Manifests.name(ns).equals(workload.namespace())
                            && "restricted".equals(ns.path("metadata").path("labels").path(ENFORCE).asText()));
            if (!restricted) {
                problems.add(workload.describe() + ": namespace " + workload.namespace()
                        + " is not declared with " + ENFORCE + "=restricted");
            }
            problems.addAll(podProblems(workload));
        }
        return problems;
    }

    private static List<String> podProblems(Workloads.Workload workload) {
        List<String> problems = new ArrayList<>();
        JsonNode pod = workload.spec().path("securityContext");
        for (JsonNode container : workload.containers()) {
            String where = workload.describe() + " container " + container.path("name").asText() + ": ";
            JsonNode security = container.path("securityContext");
            if (!effective(security, pod, "runAsNonRoot").asBoolean()) {
                problems.add(where + "must run as non-root (runAsNonRoot: true)");
            }
            if (!SECCOMP.contains(effective(security, pod, "seccompProfile").path("type").asText())) {
                problems.add(where + "needs seccompProfile RuntimeDefault");
            }
            if (!security.path("allowPrivilegeEscalation").isBoolean() || security.path("allowPrivilegeEscalation").asBoolean()) {
                problems.add(where + "must set allowPrivilegeEscalation: false");
            }
            if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                problems.add(where + "must drop ALL capabilities");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean()) {
                problems.add(where + "must have a read-only root filesystem");
            }
            for (String resource : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                if (container.path("resources").at("/" + resource).isMissingNode()) {
                    problems.add(where + "has no resources." + resource.replace('/', '.'));
                }
            }
        }
        for (JsonNode container : workload.spec().path("containers")) {
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                if (!container.has(probe)) {
                    problems.add(workload.describe() + " container " + container.path("name").asText() + ": has no " + probe);
                }
            }
        }
        return problems;
    }

    /** A container's setting, else the pod's. */
    private static JsonNode effective(JsonNode container, JsonNode pod, String field) {
        return container.has(field) ? container.path(field) : pod.path(field);
    }
}
