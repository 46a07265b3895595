package dev.daprliberty.gitops;

import java.util.Map;
import java.util.Optional;

/** Which Helm chart installs the CRDs of which API group (from the charts' crds/ folders and CRD subcharts). */
final class CrdProviders {

    private static final Map<String, String> CHART_BY_GROUP = Map.of(
            "datadoghq.com", "datadog-operator",
            "dapr.io", "dapr");

    private CrdProviders() {
    }

    static Optional<String> chartFor(String group) {
        return Optional.ofNullable(CHART_BY_GROUP.get(group));
    }

    static Optional<String> groupOf(String chart) {
        return CHART_BY_GROUP.entrySet().stream().filter(e -> e.getValue().equals(chart)).map(Map.Entry::getKey)
                .findFirst();
    }
}
