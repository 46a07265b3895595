package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What Argo CD reports about its Applications, looked at every {@value #PERIOD_SECONDS} seconds while the loop runs:
 * when each appeared and when it was first Synced and Healthy (for the sync waves), and every message that says
 * an AppProject refused something.
 */
final class ApplicationTimeline implements AutoCloseable {

    static final int PERIOD_SECONDS = 2;

    /** One Application as Argo CD reported it; wave is null for the root, which has none. */
    record State(String sync, String health, Integer wave, String revision) {

        boolean syncedAndHealthy() {
            return sync.equals("Synced") && health.equals("Healthy");
        }

        @Override
        public String toString() {
            return sync + ", " + health;
        }
    }

    private final Kubectl kubectl;
    private final List<Map<String, State>> snapshots = new ArrayList<>();
    private final Set<String> refusals = new ConcurrentSkipListSet<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    private ApplicationTimeline(Kubectl kubectl) {
        this.kubectl = kubectl;
    }

    static ApplicationTimeline start(Kubectl kubectl) {
        ApplicationTimeline timeline = new ApplicationTimeline(kubectl);
        timeline.poller.scheduleWithFixedDelay(timeline::look, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        return timeline;
    }

    /** The Applications now, by name, in the order Argo CD lists them. */
    Map<String, State> now() {
        CommandRun get = kubectl.run("get", "applications.argoproj.io", "--namespace", "argocd", "-o", "json");
        Map<String, State> applications = new LinkedHashMap<>();
        if (get.exitCode() != 0) {
            return applications;
        }
        JsonNode list;
        try {
            list = Manifests.JSON.readTree(get.stdout());
        } catch (IOException e) {
            return applications;
        }
        for (JsonNode application : list.path("items")) {
            JsonNode status = application.path("status");
            String wave = Manifests.annotation(application, "argocd.argoproj.io/sync-wave");
            applications.put(Manifests.name(application), new State(status.path("sync").path("status").asText("(none)"),
                    status.path("health").path("status").asText("(none)"), wave.isEmpty() ? null : Integer.valueOf(wave),
                    status.path("sync").path("revision").asText("")));
            recordRefusals(Manifests.name(application), status);
        }
        return applications;
    }

    private void look() {
        try {
            Map<String, State> applications = now();
            synchronized (snapshots) {
                snapshots.add(applications);
            }
        } catch (RuntimeException e) {
            // A look that failed (kubectl timed out) is a look missed; the next one comes.
        }
    }

    /** Argo CD says "... is not permitted in project ..." where an AppProject refuses a source, destination or kind. */
    private void recordRefusals(String application, JsonNode status) {
        List<String> messages = new ArrayList<>();
        status.path("conditions").forEach(condition -> messages.add(condition.path("message").asText()));
        JsonNode operation = status.path("operationState");
        messages.add(operation.path("message").asText());
        operation.path("syncResult").path("resources").forEach(resource -> messages.add(resource.path("message").asText()));
        messages.stream().filter(message -> message.contains("not permitted"))
                .forEach(message -> refusals.add(application + ": " + message));
    }

    Set<String> refusals() {
        return Set.copyOf(refusals);
    }

    List<Map<String, State>> snapshots() {
        synchronized (snapshots) {
            return List.copyOf(snapshots);
        }
    }

    /** Index of the first look at which {@code application} existed (or was Synced and Healthy), -1 if never. */
    int firstSeen(String application, boolean syncedAndHealthy) {
        List<Map<String, State>> all = snapshots();
        for (int i = 0; i < all.size(); i++) {
            State state = all.get(i).get(application);
            if (state != null && (!syncedAndHealthy || state.syncedAndHealthy())) {
                return i;
            }
        }
        return -1;
    }

    static String table(Map<String, State> applications) {
        StringBuilder table = new StringBuilder(String.format("%-18s %-10s %-12s %s%n", "APPLICATION", "SYNC", "HEALTH", "WAVE"));
        applications.forEach((name, state) -> table.append(String.format("%-18s %-10s %-12s %s%n", name, state.sync(),
                state.health(), state.wave() == null ? "(root)" : state.wave())));
        return table.toString();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
