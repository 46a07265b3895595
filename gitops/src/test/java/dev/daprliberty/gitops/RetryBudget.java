package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dapr's longest possible call to a target app under its Resiliency policy (a named target's, or Dapr's default app
 * policies), which must end before the caller gives up on its own: comms' budget for greeter's answer, read from
 * comms' own configuration. Per attempt the timeout applies; between attempts the back-off of dapr/kit's retry, whose
 * exponential policy starts at a fixed 500 ms, grows 1.5x, is capped at maxInterval and jittered by +-50 %
 * (cenkalti/backoff defaults).
 */
final class RetryBudget {

    /** comms' {@code greeter.timeout-millis}, where the budget is set (comms' microprofile-config.properties). */
    static final Duration CALLER_BUDGET = callerBudget(
            Path.of("..", "comms-liberty", "src", "main", "resources", "META-INF", "microprofile-config.properties"));
    /** The target Dapr's default app policies apply to. */
    static final String EVERY_OTHER_APP = "any app without a target of its own";
    private static final Duration EXPONENTIAL_INITIAL = Duration.ofMillis(500);
    private static final double JITTER = 0.5;
    private static final double MULTIPLIER = 1.5;
    private static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(60);
    private static final Duration DEFAULT_CONSTANT = Duration.ofSeconds(5);
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private RetryBudget() {
    }

    private static Duration callerBudget(Path commsConfig) {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(commsConfig)) {
            config.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("comms' budget is read from " + commsConfig.toAbsolutePath(), e);
        }
        return Duration.ofMillis(Long.parseLong(config.getProperty("greeter.timeout-millis")));
    }

    static List<String> problems(GitopsTree tree) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode resiliency : Manifests.ofKind(tree.allDeployed(), "Resiliency")) {
            for (Map.Entry<String, JsonNode> target : appTargets(resiliency).entrySet()) {
                String where = Manifests.describe(resiliency) + ": calls to " + target.getKey() + " ";
                try {
                    Duration worst = worstCase(resiliency.path("spec").path("policies"), target.getValue());
                    if (worst.compareTo(CALLER_BUDGET) > 0) {
                        problems.add(where + "may take " + worst.toMillis() + " ms, more than the caller's budget of "
                                + CALLER_BUDGET.toMillis() + " ms");
                    }
                } catch (IllegalArgumentException unbounded) {
                    problems.add(where + unbounded.getMessage());
                }
            }
        }
        return problems;
    }

    /**
     * The policy names each app target uses: the named targets, and, where the Resiliency defines Dapr's default
     * app policies ({@code DefaultAppTimeoutPolicy}, else {@code DefaultTimeoutPolicy}; the same for retries and
     * circuit breakers), {@link #EVERY_OTHER_APP} with those.
     */
    static Map<String, JsonNode> appTargets(JsonNode resiliency) {
        Map<String, JsonNode> targets = new LinkedHashMap<>();
        resiliency.path("spec").path("targets").path("apps").properties().forEach(target -> targets.put(target.getKey(), target.getValue()));
        JsonNode policies = resiliency.path("spec").path("policies");
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        for (String[] use : new String[][] {{"timeout", "timeouts", "Timeout"}, {"retry", "retries", "Retry"},
                {"circuitBreaker", "circuitBreakers", "CircuitBreaker"}}) {
            Stream.of("DefaultApp" + use[2] + "Policy", "Default" + use[2] + "Policy").filter(policies.path(use[1])::has)
                    .findFirst().ifPresent(name -> defaults.put(use[0], name));
        }
        if (!defaults.isEmpty()) {
            targets.put(EVERY_OTHER_APP, defaults);
        }
        return targets;
    }

    static Duration worstCase(JsonNode policies, JsonNode target) {
        String timeoutName = target.path("timeout").asText("");
        if (timeoutName.isEmpty()) {
            throw new IllegalArgumentException("have no timeout, so no upper bound");
        }
        Duration timeout = parse(policies.path("timeouts").path(timeoutName).asText());
        String retryName = target.path("retry").asText("");
        if (retryName.isEmpty()) {
            return timeout;
        }
        JsonNode retry = policies.path("retries").path(retryName);
        long retries = retry.path("maxRetries").asLong(-1);
        if (retries < 0) {
            throw new IllegalArgumentException("retry forever (maxRetries unset or -1)");
        }
        Duration total = timeout.multipliedBy(retries + 1);
        if ("exponential".equals(retry.path("policy").asText())) {
            Duration max = retry.has("maxInterval") ? parse(retry.path("maxInterval").asText()) : DEFAULT_MAX_INTERVAL;
            double interval = EXPONENTIAL_INITIAL.toMillis();
            for (long attempt = 0; attempt < retries; attempt++) {
                total = total.plusMillis(Math.round(interval * (1 + JITTER)));
                interval = interval >= max.toMillis() / MULTIPLIER ? max.toMillis() : interval * MULTIPLIER;
            }
            return total;
        }
        Duration pause = retry.has("duration") ? parse(retry.path("duration").asText()) : DEFAULT_CONSTANT;
        return total.plus(pause.multipliedBy(retries));
    }

    /** A Go duration such as 250ms, 1m30s. */
    static Duration parse(String text) {
        Matcher part = GO_DURATION_PART.matcher(text);
        double nanos = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double value = Double.parseDouble(part.group(1));
            nanos += value * switch (part.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            end = part.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw new IllegalArgumentException("have a duration '" + text + "' that is not a Go duration");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
