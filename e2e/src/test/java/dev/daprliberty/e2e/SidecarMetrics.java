package dev.daprliberty.e2e;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample of a daprd's Prometheus metrics (its --metrics-port). */
final class SidecarMetrics {

    private SidecarMetrics() {
    }

    /**
     * The value of the sample named {@code metric} whose labels include every {@code label="value"} given, or 0
     * when there is none yet (Prometheus counters appear with their first increment).
     */
    static double value(URI metrics, String metric, String... labels) {
        Answer answer = Answer.get(metrics);
        if (answer.status() != 200) {
            throw new IllegalStateException(metrics + " answered " + answer.status());
        }
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "\\{(.*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(answer.body());
        double total = 0;
        while (matcher.find()) {
            String found = matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= ("," + found + ",").contains("," + label + ",");
            }
            if (all) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    /** How many calls greeter's sidecar has passed on to greeter's POST /greet (any status). */
    static double greetsDelivered(Chain chain) {
        return value(chain.greeterSidecarMetrics(), "dapr_http_client_completed_count", "method=\"POST\"", "path=\"/greet\"");
    }

    /** Whether comms' sidecar's circuit breaker towards greeter is in {@code state} (closed, open, half-open). */
    static boolean breakerIs(Chain chain, String state) {
        return value(chain.commsSidecarMetrics(), "dapr_resiliency_cb_state", "target=\"app_greeter\"",
                "status=\"" + state + "\"") == 1;
    }
}
