package dev.daprliberty.gitops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How bootstrap/up turns gitops/root-app.yaml into what it applies: plain literal replacements of these
 * placeholders (sed), nothing else. The root-app.yaml header documents the same list.
 */
final class BootstrapContract {

    static final String REPO_URL = "https://github.com/OWNER/REPO.git";
    static final String REVISION = "targetRevision: main";
    static final String CLUSTER_NAME = "value: dapr-demo";
    static final String SITE = "value: datadoghq.com";

    /** What a bootstrap of a fork would put in, used to render the tree as the cluster would see it. */
    static final Settings EXAMPLE = new Settings("https://github.com/example-org/dapr-liberty-fork.git",
            "release-1", "example-cluster", "datadoghq.eu");

    record Settings(String repoUrl, String revision, String clusterName, String site) {
    }

    private BootstrapContract() {
    }

    /**
     * Each placeholder where bootstrap/up's replacement expects it, outside comments (the header lists them too):
     * the repository URL in the root's project and source, the others once.
     */
    static List<String> problems(String rootAppYaml) {
        String manifests = rootAppYaml.lines().filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(REPO_URL, 2);
        expected.put(REVISION, 1);
        expected.put(CLUSTER_NAME, 1);
        expected.put(SITE, 1);
        List<String> problems = new ArrayList<>();
        expected.forEach((placeholder, count) -> {
            int found = manifests.split(Pattern.quote(placeholder), -1).length - 1;
            if (found != count) {
                problems.add("root-app.yaml has '" + placeholder + "' " + found + " times; bootstrap/up replaces it "
                        + "and expects it " + count + " time(s)");
            }
        });
        return problems;
    }

    static String apply(String rootAppYaml, Settings settings) {
        return rootAppYaml.replace(REPO_URL, settings.repoUrl())
                .replace(REVISION, "targetRevision: " + settings.revision())
                .replace(CLUSTER_NAME, "value: " + settings.clusterName())
                .replace(SITE, "value: " + settings.site());
    }
}
