package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gitops tree rendered the way Argo CD renders it after bootstrap: root-app.yaml with the bootstrap's
 * settings; the root's Helm chart with its helm parameters (Argo CD's build environment substituted); each
 * child Application's git path with real kustomize, its kustomize patches applied and the destination namespace
 * filled in. Charts from Helm repositories are not rendered (no network here): their values are checked against
 * the charts' reference defaults instead.
 */
final class GitopsTree {

    final RepoLayout layout;
    final ObjectNode rootProject;
    final ObjectNode rootApplication;
    /** What the root's chart renders: the child Applications and the product's AppProject. */
    final List<ObjectNode> appOfApps;
    /** Child Application name -> the objects it deploys (git sources only). */
    final Map<String, List<ObjectNode>> deployed = new LinkedHashMap<>();

    private GitopsTree(RepoLayout layout, List<ObjectNode> rootObjects, List<ObjectNode> appOfApps) {
        this.layout = layout;
        this.rootProject = single(rootObjects, "AppProject");
        this.rootApplication = single(rootObjects, "Application");
        this.appOfApps = appOfApps;
    }

    static GitopsTree render(RepoLayout layout, KubeTools tools) {
        String rootApp;
        try {
            rootApp = Files.readString(layout.gitops().resolve("root-app.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectNode> rootObjects = Manifests.parse(BootstrapContract.apply(rootApp, BootstrapContract.EXAMPLE));
        ObjectNode root = single(rootObjects, "Application");
        JsonNode source = root.path("spec").path("source");
        Map<String, String> buildEnvironment = Map.of(
                "ARGOCD_APP_NAME", Manifests.name(root),
                "ARGOCD_APP_SOURCE_REPO_URL", source.path("repoURL").asText(),
                "ARGOCD_APP_SOURCE_TARGET_REVISION", source.path("targetRevision").asText(),
                "ARGOCD_APP_SOURCE_PATH", source.path("path").asText());
        Map<String, String> parameters = new LinkedHashMap<>();
        source.path("helm").path("parameters").forEach(parameter -> parameters.put(parameter.path("name").asText(),
                substitute(parameter.path("value").asText(), buildEnvironment)));
        String chart = tools.helmTemplate(Manifests.name(root), layout.root().resolve(source.path("path").asText()),
                root.path("spec").path("destination").path("namespace").asText(), parameters);

        GitopsTree tree = new GitopsTree(layout, rootObjects, Manifests.parse(chart));
        for (ObjectNode application : tree.applications()) {
            JsonNode childSource = application.path("spec").path("source");
            Path path = layout.root().resolve(childSource.path("path").asText());
            if (childSource.has("path") && Files.isDirectory(path)) {
                tree.deployed.put(Manifests.name(application), withNamespace(
                        Manifests.parse(tools.kustomize(withPatches(path, childSource.path("kustomize").path("patches")))),
                        application.path("spec").path("destination").path("namespace").asText()));
            }
        }
        return tree;
    }

    List<ObjectNode> applications() {
        return Manifests.ofKind(appOfApps, "Application");
    }

    ObjectNode application(String name) {
        return applications().stream().filter(app -> Manifests.name(app).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no child Application " + name));
    }

    ObjectNode productProject() {
        return single(appOfApps, "AppProject");
    }

    List<ObjectNode> allDeployed() {
        return deployed.values().stream().flatMap(List::stream).toList();
    }

    /** Every object this tree puts in the cluster that can be rendered here. */
    List<ObjectNode> everything() {
        List<ObjectNode> all = new ArrayList<>(List.of(rootProject, rootApplication));
        all.addAll(appOfApps);
        all.addAll(allDeployed());
        return all;
    }

    /** The child Application that deploys an object (git sources), if any. */
    String deployedBy(JsonNode object) {
        return deployed.entrySet().stream().filter(e -> e.getValue().contains(object)).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }

    static int wave(JsonNode object) {
        String wave = Manifests.annotation(object, "argocd.argoproj.io/sync-wave");
        return wave.isEmpty() ? 0 : Integer.parseInt(wave);
    }

    /** Argo CD's envsubst of the build environment: $VAR and ${VAR}. */
    private static String substitute(String value, Map<String, String> environment) {
        String result = value;
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            result = result.replace("${" + variable.getKey() + "}", variable.getValue())
                    .replace("$" + variable.getKey(), variable.getValue());
        }
        return result;
    }

    /** Argo CD's source.kustomize.patches: the same patches on top of the path, in a kustomization of their own. */
    private static Path withPatches(Path path, JsonNode patches) {
        if (!(patches instanceof ArrayNode list) || list.isEmpty()) {
            return path;
        }
        try {
            Path wrapper = Files.createTempDirectory("argocd-kustomize-patches");
            wrapper.toFile().deleteOnExit();
            ObjectNode kustomization = Manifests.YAML.createObjectNode()
                    .put("apiVersion", "kustomize.config.k8s.io/v1beta1").put("kind", "Kustomization");
            kustomization.putArray("resources").add(wrapper.relativize(path).toString());
            kustomization.set("patches", list);
            Path file = Files.writeString(wrapper.resolve("kustomization.yaml"),
                    Manifests.YAML.writeValueAsString(kustomization));
            file.toFile().deleteOnExit();
            return wrapper;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Argo CD applies: namespaced objects without a namespace land in the destination namespace. */
    private static List<ObjectNode> withNamespace(List<ObjectNode> objects, String namespace) {
        objects.stream().filter(Manifests::isNamespaced).filter(object -> Manifests.namespace(object).isEmpty())
                .forEach(object -> ((ObjectNode) object.path("metadata")).put("namespace", namespace));
        return objects;
    }

    private static ObjectNode single(List<ObjectNode> objects, String kind) {
        List<ObjectNode> matches = Manifests.ofKind(objects, kind);
        if (matches.size() != 1) {
            throw new IllegalStateException("expected exactly one " + kind + ", found " + matches.size());
        }
        return matches.get(0);
    }
}
