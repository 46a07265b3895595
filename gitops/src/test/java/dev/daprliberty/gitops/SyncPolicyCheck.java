package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Application reconciles on its own and cleans up after itself: automated sync with prune and selfHeal,
 * the resources finalizer; children create their namespace, use server-side apply when they install a CRD too
 * large for client-side apply, and respect the differences they ignore.
 */
final class SyncPolicyCheck {

    static final String FINALIZER = "resources-finalizer.argocd.argoproj.io";
    /** kubectl's last-applied-configuration annotation cannot hold more. */
    private static final long CLIENT_SIDE_APPLY_LIMIT = 256 * 1024;

    private SyncPolicyCheck() {
    }

    static List<String> problems(GitopsTree tree, CrdCatalog crds) {
        List<String> problems = new ArrayList<>(applicationProblems(tree.rootApplication));
        for (ObjectNode application : tree.applications()) {
            String where = "Application " + Manifests.name(application) + ": ";
            problems.addAll(applicationProblems(application));
            if (!syncOptions(application).contains("CreateNamespace=true")) {
                problems.add(where + "syncOptions lack CreateNamespace=true");
            }
            if (application.path("spec").has("ignoreDifferences")
                    && !syncOptions(application).contains("RespectIgnoreDifferences=true")) {
                problems.add(where + "ignores differences but a sync would overwrite them: add RespectIgnoreDifferences=true");
            }
            String chart = application.path("spec").path("source").path("chart").asText();
            CrdProviders.groupOf(chart).filter(group -> crds.largestCrdBytes(group) > CLIENT_SIDE_APPLY_LIMIT)
                    .filter(group -> !syncOptions(application).contains("ServerSideApply=true"))
                    .ifPresent(group -> problems.add(where + "installs the " + group
                            + " CRDs, too large for client-side apply: add ServerSideApply=true"));
        }
        return problems;
    }

    private static List<String> applicationProblems(ObjectNode application) {
        String where = "Application " + Manifests.name(application) + ": ";
        List<String> problems = new ArrayList<>();
        JsonNode automated = application.path("spec").path("syncPolicy").path("automated");
        if (!automated.path("prune").asBoolean() || !automated.path("selfHeal").asBoolean()) {
            problems.add(where + "automated sync must prune and selfHeal");
        }
        List<String> finalizers = new ArrayList<>();
        application.path("metadata").path("finalizers").forEach(f -> finalizers.add(f.asText()));
        if (!finalizers.contains(FINALIZER)) {
            problems.add(where + "lacks the finalizer " + FINALIZER + ": deleting it would leave its resources behind");
        }
        return problems;
    }

    private static List<String> syncOptions(JsonNode application) {
        List<String> options = new ArrayList<>();
        application.path("spec").path("syncPolicy").path("syncOptions").forEach(o -> options.add(o.asText()));
        return options;
    }
}
