package dev.daprliberty.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check can fail: a copy of the repository with one thing broken, rendered for real, and exactly the problems
 * the check must then report.
 */
class FailingExamplesTest {

    private static final String TEMPLATES = "gitops/apps/templates/";
    private static final String CONFIGURATION = "gitops/dapr-config/base/configuration.yaml";
    private static final String RESILIENCY = "gitops/dapr-config/base/resiliency.yaml";
    private static final String AGENT = "gitops/datadog-agent/datadog-agent.yaml";
    private static final String POD = "gitops/services/base/liberty-pod.yaml";
    private static final String GREETER = "gitops/services/base/greeter.yaml";
    private static final String COMMS_AND_GREETER = "Deployment dapr-services/%s";

    /** One way to break the repository, and what {@code check} must say about it. */
    record Breakage(Check check, String description, String file, String text, String replacement, List<String> expected) {
        @Override
        public String toString() {
            return check.name() + ": " + description;
        }
    }

    private static Breakage breaking(Check check, String description, String file, String text, String replacement,
            String... expected) {
        return new Breakage(check, description, file, text, replacement, List.of(expected));
    }

    /** The same problem for both services' Deployments. */
    private static String[] bothServices(String problem) {
        return new String[] {COMMS_AND_GREETER.formatted("comms") + problem, COMMS_AND_GREETER.formatted("greeter") + problem};
    }

    /** The Agent's env host tags are not the env of either service. */
    private static String[] agentEnvProblems(String envTags) {
        return Stream.of("comms", "greeter").map(service -> "DatadogAgent datadog/datadog: gives spans without an env (the"
                + " Dapr sidecars') the host tags " + envTags + ", not env:demo of " + COMMS_AND_GREETER.formatted(service)
                + ": its traces would be split").toArray(String[]::new);
    }

    /** The same problem (a format taking the name) for each child Application. */
    private static String[] eachChild(String problemFormat) {
        return Stream.of("datadog-operator", "dapr", "datadog-agent", "dapr-dashboard", "dapr-config", "services")
                .map(problemFormat::formatted).toArray(String[]::new);
    }

    static Stream<Breakage> breakages() {
        return Stream.of(
                breaking(Check.SCHEMAS, "an unknown field in a custom resource", CONFIGURATION,
                        "isSecure: false", "isSecure: false\n      insecure: true",
                        "Configuration dapr-services/dapr-config: $.spec.tracing.otel: property 'insecure' is not defined in "
                                + "the schema and the schema does not allow additional properties"),
                breaking(Check.SCHEMAS, "a wrong type in a custom resource", AGENT,
                        "hostPort: 4318", "hostPort: \"4318\"",
                        "DatadogAgent datadog/datadog: $.spec.features.otlp.receiver.protocols.http.hostPortConfig.hostPort: "
                                + "string found, integer expected"),
                breaking(Check.SCHEMAS, "an unknown metadata field of a custom resource", RESILIENCY,
                        "  name: greeter-calls", "  name: greeter-calls\n  label:\n    team: demo",
                        "Resiliency dapr-services/greeter-calls: metadata: The field `label` in the JSON string is not "
                                + "defined in the `V1ObjectMeta` properties"),
                breaking(Check.SCHEMAS, "an unknown field in every child Application", TEMPLATES + "_helpers.tpl",
                        "selfHeal: true", "selfheal: true",
                        eachChild("Application argocd/%s: $.spec.syncPolicy.automated: property 'selfheal' is not defined "
                                + "in the schema and the schema does not allow additional properties")),
                breaking(Check.SCHEMAS, "a version the CRD does not serve", AGENT,
                        "datadoghq.com/v2alpha1", "datadoghq.com/v1alpha1",
                        "DatadogAgent datadog/datadog: datadoghq.com/v1alpha1 is not a served version of the CRD "
                                + "datadoghq.com_datadogagents.yaml (served: [v2alpha1])"),
                breaking(Check.SCHEMAS, "an unknown field in a core object", POD,
                        "readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true",
                        bothServices(": The field `readOnlyRootFileSystem` in the JSON string is not defined in the "
                                + "`V1SecurityContext` properties")),

                breaking(Check.APPLICATION_SOURCES, "a path missing from the repository", TEMPLATES + "services.yaml",
                        "overlays/demo", "overlays/prod",
                        "Application services: path gitops/services/overlays/prod is not a kustomization or chart in the repository"),
                breaking(Check.APPLICATION_SOURCES, "a child deploying another repository", TEMPLATES + "dapr-config.yaml",
                        "{{- include \"apps.gitSource\" . | nindent 4 }}",
                        "repoURL: https://github.com/someone/else.git\n    targetRevision: main",
                        "Application dapr-config: deploys https://github.com/someone/else.git at main, not the root's "
                                + "repository and revision"),
                breaking(Check.APPLICATION_SOURCES, "a chart version range", TEMPLATES + "dapr.yaml",
                        "targetRevision: 1.18.3", "targetRevision: 1.18.*",
                        "Application dapr: chart dapr version '1.18.*' is not an exact version (x.y.z)"),
                breaking(Check.APPLICATION_SOURCES, "a values key the chart does not have", TEMPLATES + "dapr.yaml",
                        "sidecarDropALLCapabilities", "sidecarDropAllCapabilities",
                        "Application dapr: valuesObject key dapr_sidecar_injector.sidecarDropAllCapabilities is not a "
                                + "value of chart dapr 1.18.3"),
                breaking(Check.APPLICATION_SOURCES, "values for a chart without reference defaults", TEMPLATES + "dapr-dashboard.yaml",
                        "targetRevision: 0.15.0", "targetRevision: 0.15.0\n    helm:\n      valuesObject:\n        replicaCount: 2",
                        "Application dapr-dashboard: no default values of chart dapr-dashboard 0.15.0 in "
                                + "../shared/helm-values: its valuesObject cannot be checked"),

                breaking(Check.SYNC_POLICY, "the Datadog Operator without server-side apply", TEMPLATES + "datadog-operator.yaml",
                        "(list \"ServerSideApply=true\")", "list",
                        "Application datadog-operator: installs the datadoghq.com CRDs, too large for client-side apply: "
                                + "add ServerSideApply=true"),
                breaking(Check.SYNC_POLICY, "ignored differences a sync would overwrite", TEMPLATES + "dapr.yaml",
                        "(list \"RespectIgnoreDifferences=true\")", "list",
                        "Application dapr: ignores differences but a sync would overwrite them: add RespectIgnoreDifferences=true"),
                breaking(Check.SYNC_POLICY, "a root that does not self-heal", "gitops/root-app.yaml",
                        "selfHeal: true", "selfHeal: false",
                        "Application dapr-liberty: automated sync must prune and selfHeal"),
                breaking(Check.SYNC_POLICY, "children without the resources finalizer", TEMPLATES + "_helpers.tpl",
                        "finalizers:\n  - resources-finalizer.argocd.argoproj.io\n", "",
                        eachChild("Application %s: lacks the finalizer resources-finalizer.argocd.argoproj.io: "
                                + "deleting it would leave its resources behind")),

                breaking(Check.SYNC_WAVES, "services in the wave of their Configuration and the Agent", TEMPLATES + "services.yaml",
                        "\"wave\" 2", "\"wave\" 1",
                        Stream.of("comms", "greeter").flatMap(service -> Stream.of(
                                "Application services (wave 1) must sync after dapr-config (wave 1): Deployment "
                                        + "dapr-services/" + service + " needs its Dapr Configuration",
                                "Application services (wave 1) must sync after datadog-agent (wave 1): Deployment "
                                        + "dapr-services/" + service + " sends its traces to the Datadog Agent"))
                                .toArray(String[]::new)),
                breaking(Check.SYNC_WAVES, "a custom resource in the wave of its CRD", TEMPLATES + "datadog-agent.yaml",
                        "\"wave\" 1", "\"wave\" 0",
                        "Application datadog-agent (wave 0) must sync after datadog-operator (wave 0): "
                                + "DatadogAgent datadog/datadog needs the CRD it installs"),

                breaking(Check.PROJECTS, "a destination missing from the project", TEMPLATES + "appproject.yaml",
                        "    - server: https://kubernetes.default.svc\n      namespace: dapr-system\n", "",
                        "AppProject argocd/dapr-liberty: destination namespaces lack dapr-system, which its Applications use"),
                breaking(Check.PROJECTS, "a source no Application uses", TEMPLATES + "appproject.yaml",
                        "    - https://helm.datadoghq.com\n", "    - https://helm.datadoghq.com\n    - https://charts.example.com\n",
                        "AppProject argocd/dapr-liberty: sourceRepos allow https://charts.example.com, which no Application uses"),
                breaking(Check.PROJECTS, "a deployed cluster-scoped kind missing from the whitelist", TEMPLATES + "appproject.yaml",
                        "    - group: \"\"\n      kind: Namespace\n", "",
                        "AppProject argocd/dapr-liberty: clusterResourceWhitelist lacks /Namespace, which is deployed"),

                breaking(Check.DAPR_WIRING, "a Configuration renamed away from the workloads' dapr.io/config", CONFIGURATION,
                        "name: dapr-config", "name: dapr-settings",
                        bothServices(": Dapr config 'dapr-config' is no Configuration in namespace dapr-services")),
                breaking(Check.DAPR_WIRING, "an app port the pod does not open", GREETER,
                        "dapr.io/app-port: \"9081\"", "dapr.io/app-port: \"9091\"",
                        "Deployment dapr-services/greeter: dapr.io/app-port 9091 is no containerPort of the pod"),
                breaking(Check.DAPR_WIRING, "a Resiliency scoped to an unknown app id", RESILIENCY,
                        "  - comms", "  - coms",
                        "Resiliency dapr-services/greeter-calls: scope coms is no Dapr app id in its namespace [comms, greeter]"),
                breaking(Check.DAPR_WIRING, "a Resiliency target naming an unknown app id", RESILIENCY,
                        "  targets: {}", "  targets:\n    apps:\n      greeter-svc:\n        timeout: DefaultAppTimeoutPolicy",
                        "Resiliency dapr-services/greeter-calls: target app greeter-svc is no Dapr app id in its namespace "
                                + "[comms, greeter]"),
                breaking(Check.DAPR_WIRING, "an access policy for an unknown app id", CONFIGURATION,
                        "- appId: comms", "- appId: coms",
                        "Configuration dapr-services/dapr-config: access control policy for app id coms in namespace "
                                + "dapr-services, but no Dapr workload there has that app id"),
                breaking(Check.DAPR_WIRING, "a Resiliency target using an undefined policy", RESILIENCY,
                        "  targets: {}", "  targets:\n    apps:\n      greeter:\n        retry: greeterRetries",
                        "Resiliency dapr-services/greeter-calls: target app greeter uses retry policy greeterRetries, "
                                + "which spec.policies.retries does not define"),

                breaking(Check.ACCESS_CONTROL, "another app allowed to greet", CONFIGURATION,
                        "- appId: comms", "- appId: coms",
                        "Configuration dapr-services/dapr-config: allows [coms POST /greet], expected exactly [comms POST /greet]"),
                breaking(Check.ACCESS_CONTROL, "allowing by default", CONFIGURATION,
                        "    defaultAction: deny\n    trustDomain", "    defaultAction: allow\n    trustDomain",
                        "Configuration dapr-services/dapr-config: accessControl.defaultAction must be deny"),

                breaking(Check.RETRY_BUDGET, "retries that outlast comms' budget", RESILIENCY,
                        "maxRetries: 2", "maxRetries: 4",
                        "Resiliency dapr-services/greeter-calls: calls to " + RetryBudget.EVERY_OTHER_APP + " may take 2400 ms, "
                                + "more than the caller's budget of 2000 ms"),
                breaking(Check.RETRY_BUDGET, "default app policies without a timeout", RESILIENCY,
                        "DefaultAppTimeoutPolicy: 400ms", "greeterAttempt: 400ms",
                        "Resiliency dapr-services/greeter-calls: calls to " + RetryBudget.EVERY_OTHER_APP
                                + " have no timeout, so no upper bound"),

                breaking(Check.TRACE_WIRING, "a renamed DatadogAgent", AGENT,
                        "  name: datadog", "  name: dd",
                        "Configuration dapr-services/dapr-config: trace endpoint host datadog-agent.datadog.svc.cluster.local "
                                + "is the local Service of no DatadogAgent (expected one of [dd-agent.datadog.svc.cluster.local])"),
                breaking(Check.TRACE_WIRING, "a trace endpoint on a port the agent does not receive", CONFIGURATION,
                        "svc.cluster.local:4318", "svc.cluster.local:4317",
                        "Configuration dapr-services/dapr-config: sends OTLP/http to port 4317, but DatadogAgent "
                                + "datadog/datadog receives OTLP/http at '0.0.0.0:4318' (enabled: true)"),
                breaking(Check.TRACE_WIRING, "apps exporting to a host port without receiver", POD,
                        "$(HOST_IP):4318", "$(HOST_IP):4317",
                        bothServices(": exports to host port 4317, where no DatadogAgent's OTLP/HTTP receiver listens")),
                breaking(Check.TRACE_WIRING, "sampling less than every request", CONFIGURATION,
                        "samplingRate: \"1\"", "samplingRate: \"0.1\"",
                        "Configuration dapr-services/dapr-config: samplingRate must be \"1\" (every request traced)"),

                breaking(Check.TRACE_WIRING, "an Agent env other than the services'", AGENT,
                        "      - env:demo", "      - env:prod",
                        agentEnvProblems("[env:prod]")),
                breaking(Check.TRACE_WIRING, "no env host tag on the Agent", AGENT,
                        "    tags:\n      - env:demo\n", "",
                        agentEnvProblems("[]")),

                breaking(Check.LOG_COLLECTION, "the logs of every container on the cluster", AGENT,
                        "        - name: DD_CONTAINER_EXCLUDE_LOGS\n          value: kube_namespace:.*\n", "",
                        "DatadogAgent datadog/datadog: collects the logs of every container on the cluster: give the node"
                                + " Agent DD_CONTAINER_EXCLUDE_LOGS=kube_namespace:.* and include the product's namespaces in"
                                + " DD_CONTAINER_INCLUDE_LOGS"),
                breaking(Check.LOG_COLLECTION, "the services' namespace left out", AGENT,
                        "kube_namespace:^dapr-services$ ", "",
                        bothServices(": its logs are not collected: the node Agent's DD_CONTAINER_INCLUDE_LOGS does not"
                                + " include namespace dapr-services")),
                breaking(Check.LOG_COLLECTION, "log collection off", AGENT,
                        "    logCollection:\n      enabled: true", "    logCollection:\n      enabled: false",
                        "DatadogAgent datadog/datadog: collects no logs: the services' logs, with their trace ids, never"
                                + " reach Datadog"),

                breaking(Check.IMAGE_PINS, "the latest tag", "gitops/services/overlays/demo/kustomization.yaml",
                        "- name: ghcr.io/OWNER/comms-liberty\n  newTag: unreleased", "- name: ghcr.io/OWNER/comms-liberty\n  newTag: latest",
                        "Deployment dapr-services/comms: container app image 'ghcr.io/OWNER/comms-liberty:latest' is not "
                                + "pinned to a version tag or digest"),
                breaking(Check.IMAGE_PINS, "a chart's moving image tag left unpinned", TEMPLATES + "dapr.yaml",
                        "tag: \"1.18.3\"", "logLevel: info",
                        "Application dapr: chart default global.tag is a moving tag; pin it in valuesObject"),

                breaking(Check.POD_SECURITY, "capabilities not dropped", POD,
                        "            capabilities:\n              drop: [\"ALL\"]\n", "",
                        bothServices(" container app: must drop ALL capabilities")),
                breaking(Check.POD_SECURITY, "a namespace that does not enforce restricted",
                        "gitops/dapr-config/overlays/kubernetes/namespace.yaml", "enforce: restricted", "enforce: baseline",
                        bothServices(": namespace dapr-services is not declared with pod-security.kubernetes.io/enforce=restricted")),
                breaking(Check.POD_SECURITY, "a missing probe", POD,
                        "          startupProbe:", "          startupProbeDisabled:",
                        bothServices(" container app: has no startupProbe")),

                breaking(Check.SELECTORS, "a selector matching no pods", "gitops/services/base/comms.yaml",
                        "  selector:\n    matchLabels:\n      app.kubernetes.io/name: comms\n",
                        "  selector:\n    matchLabels:\n      app.kubernetes.io/name: comms-app\n",
                        "PodDisruptionBudget dapr-services/comms: selector {\"app.kubernetes.io/name\":\"comms-app\"} matches no pods"),
                breaking(Check.SELECTORS, "a Service targetPort the pods do not have", GREETER,
                        "targetPort: http", "targetPort: web",
                        "Service dapr-services/greeter: targetPort web is no named port of its pods"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachCheckReportsWhatBreaksIt(Breakage breakage, @TempDir Path dir) {
        GitopsTree broken = Fixtures.broken(dir, breakage.file(), breakage.text(), breakage.replacement());
        assertThat(breakage.check().problems(broken)).containsExactlyInAnyOrderElementsOf(breakage.expected());
    }
}
