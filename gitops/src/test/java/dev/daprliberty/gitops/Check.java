package dev.daprliberty.gitops;

import java.util.List;
import java.util.function.Function;

/** The validation of the gitops tree: each check lists the problems it finds in a rendered tree. */
enum Check {
    SCHEMAS("every object against its CRD or the Kubernetes API, strictly",
            tree -> new ApiSchemas(Fixtures.crds()).problems(tree.everything())),
    APPLICATION_SOURCES("Applications point at existing paths, exact chart versions and existing chart values",
            ApplicationSourceCheck::problems),
    SYNC_POLICY("automated sync, finalizers, CreateNamespace, ServerSideApply, RespectIgnoreDifferences",
            tree -> SyncPolicyCheck.problems(tree, Fixtures.crds())),
    SYNC_WAVES("providers sync in earlier waves than what needs them", SyncWaveCheck::problems),
    PROJECTS("AppProjects allow exactly what their Applications use", ProjectCheck::problems),
    DAPR_WIRING("Dapr configs, app ports, ACL and Resiliency app ids and policies resolve", DaprWiringCheck::problems),
    ACCESS_CONTROL("only comms may call POST /greet, everything else is denied", AccessControlCheck::problems),
    RETRY_BUDGET("Dapr's retries end within comms' 2 s budget", RetryBudget::problems),
    TRACE_WIRING("traces reach the Datadog Agent's OTLP receivers, with the services' env", TraceWiringCheck::problems),
    LOG_COLLECTION("the Datadog Agent collects the logs of the product's workloads and no others",
            LogCollectionCheck::problems),
    IMAGE_PINS("every image pinned to a version", ImagePinCheck::problems),
    POD_SECURITY("restricted Pod Security Standard, read-only root, resources, probes", PodSecurityCheck::problems),
    SELECTORS("Services and PodDisruptionBudgets select their pods", SelectorCheck::problems);

    private final String description;
    private final Function<GitopsTree, List<String>> check;

    Check(String description, Function<GitopsTree, List<String>> check) {
        this.description = description;
        this.check = check;
    }

    List<String> problems(GitopsTree tree) {
        return check.apply(tree);
    }

    @Override
    public String toString() {
        return description;
    }
}
