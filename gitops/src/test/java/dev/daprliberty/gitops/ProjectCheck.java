package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AppProjects allow exactly what their Applications use: the product's project only this repository and the
 * two Helm repositories as sources, only the namespaces its Applications deploy to as destinations, only the
 * cluster-scoped kinds they create; the root's project only this repository, the argocd namespace and the
 * Application and AppProject kinds.
 */
final class ProjectCheck {

    private ProjectCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<String> problems = new ArrayList<>();
        ObjectNode product = tree.productProject();
        Set<String> sources = new TreeSet<>();
        Set<String> namespaces = new TreeSet<>();
        for (ObjectNode application : tree.applications()) {
            if (!application.path("spec").path("project").asText().equals(Manifests.name(product))) {
                problems.add("Application " + Manifests.name(application) + " is not in the project " + Manifests.name(product));
            }
            sources.add(application.path("spec").path("source").path("repoURL").asText());
            namespaces.add(application.path("spec").path("destination").path("namespace").asText());
        }
        tree.allDeployed().stream().filter(Manifests::isNamespaced).forEach(o -> namespaces.add(Manifests.namespace(o)));
        problems.addAll(compare(product, "sourceRepos", strings(product.path("spec").path("sourceRepos")), sources));
        problems.addAll(compare(product, "destination namespaces", destinations(product), namespaces));
        Set<String> clusterKinds = new TreeSet<>();
        tree.allDeployed().stream().filter(o -> !Manifests.isNamespaced(o))
                .forEach(o -> clusterKinds.add(Manifests.group(o) + "/" + Manifests.kind(o)));
        Set<String> whitelisted = kinds(product.path("spec").path("clusterResourceWhitelist"));
        clusterKinds.stream().filter(kind -> !whitelisted.contains(kind)).forEach(kind -> problems.add(
                Manifests.describe(product) + ": clusterResourceWhitelist lacks " + kind + ", which is deployed"));
        if (whitelisted.stream().anyMatch(kind -> kind.contains("*"))) {
            problems.add(Manifests.describe(product) + ": clusterResourceWhitelist must name kinds, not wildcards");
        }
        problems.addAll(rootProblems(tree));
        return problems;
    }

    private static List<String> rootProblems(GitopsTree tree) {
        ObjectNode project = tree.rootProject;
        List<String> problems = new ArrayList<>();
        if (!tree.rootApplication.path("spec").path("project").asText().equals(Manifests.name(project))) {
            problems.add("the root Application is not in the project " + Manifests.name(project));
        }
        JsonNode root = tree.rootApplication.path("spec");
        problems.addAll(compare(project, "sourceRepos", strings(project.path("spec").path("sourceRepos")),
                Set.of(root.path("source").path("repoURL").asText())));
        Set<String> namespaces = new TreeSet<>(Set.of(root.path("destination").path("namespace").asText()));
        tree.appOfApps.forEach(o -> namespaces.add(Manifests.namespace(o)));
        problems.addAll(compare(project, "destination namespaces", destinations(project), namespaces));
        Set<String> kinds = new TreeSet<>();
        tree.appOfApps.forEach(o -> kinds.add(Manifests.group(o) + "/" + Manifests.kind(o)));
        problems.addAll(compare(project, "namespaceResourceWhitelist",
                kinds(project.path("spec").path("namespaceResourceWhitelist")), kinds));
        if (!project.path("spec").path("clusterResourceWhitelist").isEmpty()) {
            problems.add(Manifests.describe(project) + ": the root creates no cluster-scoped kinds; allow none");
        }
        return problems;
    }

    private static List<String> compare(ObjectNode project, String what, Set<String> allowed, Set<String> used) {
        List<String> problems = new ArrayList<>();
        used.stream().filter(u -> !allowed.contains(u)).forEach(u -> problems.add(Manifests.describe(project) + ": "
                + what + " lack " + u + ", which its Applications use"));
        allowed.stream().filter(a -> !used.contains(a)).forEach(a -> problems.add(Manifests.describe(project) + ": "
                + what + " allow " + a + ", which no Application uses"));
        return problems;
    }

    private static Set<String> destinations(ObjectNode project) {
        Set<String> namespaces = new TreeSet<>();
        project.path("spec").path("destinations").forEach(d -> namespaces.add(d.path("namespace").asText()));
        return namespaces;
    }

    private static Set<String> kinds(JsonNode list) {
        Set<String> kinds = new TreeSet<>();
        list.forEach(k -> kinds.add(k.path("group").asText() + "/" + k.path("kind").asText()));
        return kinds;
    }

    private static Set<String> strings(JsonNode list) {
        Set<String> values = new TreeSet<>();
        list.forEach(v -> values.add(v.asText()));
        return values;
    }
}
