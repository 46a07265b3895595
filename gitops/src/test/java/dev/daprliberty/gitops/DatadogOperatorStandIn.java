package dev.daprliberty.gitops;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * STAND-IN for the Datadog Operator's status report, the one thing in the loop that is written by this test: the
 * operator (whose Deployment kwok "runs" but cannot execute) would start the node Agent DaemonSet and the Cluster
 * Agent from the DatadogAgent and report both Running in its status, which the DatadogAgent health check of
 * gitops/argocd reads. This writes that status, through the status subresource as the operator does, once Argo CD
 * has created the DatadogAgent; nothing else of it.
 */
final class DatadogOperatorStandIn implements AutoCloseable {

    private final Kubectl kubectl;
    private final int nodes;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean reported;
    private volatile String lastError = "";

    private DatadogOperatorStandIn(Kubectl kubectl, int nodes) {
        this.kubectl = kubectl;
        this.nodes = nodes;
    }

    static DatadogOperatorStandIn start(Kubectl kubectl, int nodes) {
        DatadogOperatorStandIn standIn = new DatadogOperatorStandIn(kubectl, nodes);
        standIn.poller.scheduleWithFixedDelay(standIn::reportOnceCreated, 0, 2, TimeUnit.SECONDS);
        return standIn;
    }

    private void reportOnceCreated() {
        try {
            report();
        } catch (RuntimeException e) {
            lastError = e.toString();
        }
    }

    private void report() {
        CommandRun agent = kubectl.run("get", "datadogagents.datadoghq.com", "datadog", "--namespace", "datadog",
                "--ignore-not-found", "-o", "jsonpath={.metadata.name} {.status.agent.state}");
        // Before Argo CD creates it (or its CRD) there is nothing to report on.
        if (agent.exitCode() != 0 || agent.stdout().isBlank() || agent.stdout().endsWith(" Running")) {
            return;
        }
        String running = "Running (%1$d/%1$d/%1$d)".formatted(nodes);
        CommandRun patch = kubectl.run("patch", "datadogagents.datadoghq.com", "datadog", "--namespace", "datadog",
                "--subresource", "status", "--type", "merge", "--patch", """
                {"status": {
                  "agent": {"desired": %1$d, "current": %1$d, "ready": %1$d, "available": %1$d, "upToDate": %1$d,
                            "state": "Running", "status": "%2$s", "daemonsetName": "datadog-agent"},
                  "clusterAgent": {"replicas": 1, "updatedReplicas": 1, "readyReplicas": 1, "availableReplicas": 1,
                                   "state": "Running", "status": "Running (1/1/1)",
                                   "deploymentName": "datadog-cluster-agent"}}}
                """.formatted(nodes, running));
        if (patch.exitCode() == 0) {
            reported = true;
        } else {
            lastError = patch.output();
        }
    }

    boolean reported() {
        return reported;
    }

    /** What the API server answered the last status write that failed. */
    String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
