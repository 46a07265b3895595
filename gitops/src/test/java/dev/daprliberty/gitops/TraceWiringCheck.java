package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces reach the Datadog Agent: the Dapr Configuration's OTLP endpoint is the node-local Service the Datadog
 * Operator creates for a DatadogAgent (NAME-agent.NAMESPACE.svc.cluster.local) on a port and protocol that agent
 * receives; each app's own OTLP exporter targets that agent's host port on its node; every request is sampled; and
 * the sidecars' spans, which carry no env of their own, get the apps' env from the Agent's env: host tag.
 */
final class TraceWiringCheck {

    private static final Pattern APP_ENDPOINT = Pattern.compile("http://\\$\\(HOST_IP\\):(\\d+)");
    /** Datadog's unified service tagging label for env on the pods. */
    private static final String ENV_LABEL = "tags.datadoghq.com/env";

    private TraceWiringCheck() {
    }

    static List<String> problems(GitopsTree tree) {
        List<ObjectNode> objects = tree.allDeployed();
        List<ObjectNode> agents = Manifests.ofKind(objects, "DatadogAgent");
        List<String> problems = new ArrayList<>();
        if (agents.isEmpty()) {
            return List.of("no DatadogAgent is deployed: traces have nowhere to go");
        }
        for (ObjectNode configuration : Manifests.ofKind(objects, "Configuration")) {
            problems.addAll(configurationProblems(configuration, agents));
        }
        for (Workloads.Workload workload : Workloads.daprEnabled(objects)) {
            problems.addAll(exporterProblems(workload, agents));
            problems.addAll(environmentProblems(workload, agents));
        }
        return problems;
    }

    /** The Agent tags spans without an env (the sidecars') with its env: host tag: the one of the app they belong to. */
    private static List<String> environmentProblems(Workloads.Workload workload, List<ObjectNode> agents) {
        String env = workload.template().path("metadata").path("labels").path(ENV_LABEL).asText();
        List<String> problems = new ArrayList<>();
        for (ObjectNode agent : agents) {
            List<String> envTags = new ArrayList<>();
            agent.path("spec").path("global").path("tags").forEach(tag -> {
                if (tag.asText().startsWith("env:")) {
                    envTags.add(tag.asText());
                }
            });
            if (!envTags.equals(List.of("env:" + env))) {
                problems.add(Manifests.describe(agent) + ": gives spans without an env (the Dapr sidecars') the host tags "
                        + envTags + ", not env:" + env + " of " + workload.describe() + ": its traces would be split");
            }
        }
        return problems;
    }

    private static List<String> configurationProblems(ObjectNode configuration, List<ObjectNode> agents) {
        String where = Manifests.describe(configuration) + ": ";
        JsonNode tracing = configuration.path("spec").path("tracing");
        List<String> problems = new ArrayList<>();
        if (!"1".equals(tracing.path("samplingRate").asText())) {
            problems.add(where + "samplingRate must be \"1\" (every request traced)");
        }
        String protocol = tracing.path("otel").path("protocol").asText();
        String endpoint = tracing.path("otel").path("endpointAddress").asText();
        String host = endpoint.contains(":") ? endpoint.substring(0, endpoint.lastIndexOf(':')) : endpoint;
        String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);
        Optional<ObjectNode> agent = agents.stream().filter(a -> localService(a).equals(host)).findFirst();
        if (agent.isEmpty()) {
            problems.add(where + "trace endpoint host " + host + " is the local Service of no DatadogAgent (expected one of "
                    + agents.stream().map(TraceWiringCheck::localService).toList() + ")");
            return problems;
        }
        JsonNode receiver = receiver(agent.get(), protocol.equals("http") ? "http" : "grpc");
        if (!receiver.path("enabled").asBoolean() || !receiver.path("endpoint").asText().endsWith(":" + port)) {
            problems.add(where + "sends OTLP/" + protocol + " to port " + port + ", but " + Manifests.describe(agent.get())
                    + " receives OTLP/" + protocol + " at '" + receiver.path("endpoint").asText() + "' (enabled: "
                    + receiver.path("enabled").asBoolean() + ")");
        }
        return problems;
    }

    private static List<String> exporterProblems(Workloads.Workload workload, List<ObjectNode> agents) {
        String where = workload.describe() + ": ";
        List<String> problems = new ArrayList<>();
        for (JsonNode container : workload.spec().path("containers")) {
            String name = container.path("name").asText();
            Optional<String> endpoint = workload.env(name, "OTEL_EXPORTER_OTLP_ENDPOINT");
            if (endpoint.isEmpty()) {
                problems.add(where + "container " + name + " has no OTEL_EXPORTER_OTLP_ENDPOINT");
                continue;
            }
            Matcher matcher = APP_ENDPOINT.matcher(endpoint.get());
            if (!matcher.matches() || !workload.env(name, "HOST_IP").orElse("").contains("status.hostIP")) {
                problems.add(where + "OTEL_EXPORTER_OTLP_ENDPOINT " + endpoint.get()
                        + " is not http://$(HOST_IP):PORT with HOST_IP from status.hostIP (the agent on this node)");
                continue;
            }
            boolean agentListens = agents.stream().map(a -> receiver(a, "http")).anyMatch(r ->
                    r.path("enabled").asBoolean() && r.path("hostPortConfig").path("enabled").asBoolean()
                            && r.path("hostPortConfig").path("hostPort").asText().equals(matcher.group(1)));
            if (!agentListens) {
                problems.add(where + "exports to host port " + matcher.group(1)
                        + ", where no DatadogAgent's OTLP/HTTP receiver listens");
            }
            if (!"http/protobuf".equals(workload.env(name, "OTEL_EXPORTER_OTLP_PROTOCOL").orElse(""))
                    || !"otlp".equals(workload.env(name, "OTEL_TRACES_EXPORTER").orElse(""))
                    || workload.env(name, "OTEL_SERVICE_NAME").isEmpty()) {
                problems.add(where + "needs OTEL_TRACES_EXPORTER=otlp, OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf and OTEL_SERVICE_NAME");
            }
        }
        return problems;
    }

    /** The node-local Service the Datadog Operator creates for a DatadogAgent. */
    private static String localService(ObjectNode agent) {
        return Manifests.name(agent) + "-agent." + Manifests.namespace(agent) + ".svc.cluster.local";
    }

    private static JsonNode receiver(ObjectNode agent, String protocol) {
        return agent.path("spec").path("features").path("otlp").path("receiver").path("protocols").path(protocol);
    }
}
