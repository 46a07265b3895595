package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ci/fetch-reference-data gives a machine without ../shared (GitHub's runners) the reference data the gitops tests
 * read. Runs it for real, with A STAND-IN FOR CURL (no network here) that writes the URL it was asked for into the
 * file it was told to write, or fails like curl does when the server answers an error.
 */
class ReferenceDataTest {

    private static final String SCRIPT = ".ci/fetch-reference-data";
    private static final Path SHARED = Repository.ROOT.resolve("../shared").normalize();
    private static final Pattern ENTRY = Pattern.compile("^((?:crds|helm-values)/\\S+)\\s+(\\S+)$", Pattern.MULTILINE);
    private static final String STAND_IN_CURL = """
            #!/usr/bin/env bash
            # STAND-IN FOR CURL: no network in the tests.
            out="" url=""
            while [[ $# -gt 0 ]]; do
              case "$1" in
                -o | --retry) [[ "$1" == -o ]] && out="$2"; shift 2 ;;
                -*) shift ;;
                *) url="$1"; shift ;;
              esac
            done
            echo "$url" >>"$CURL_LOG"
            [[ -z "${CURL_FAILS:-}" ]] || { echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; }
            echo "$url" >"$out"
            """;

    @Test
    void fetchesExactlyTheFilesTheTestsRead() throws IOException {
        assertThat(listedFiles()).containsExactlyInAnyOrderElementsOf(filesUnder(SHARED, "crds", "helm-values"));
    }

    @Test
    void keepsTheReferenceDataThatIsThereAndDownloadsNothing(@TempDir Path tools) throws IOException {
        Execution fetch = run(Repository.ROOT, tools, Map.of("CURL_FAILS", "yes"));

        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        assertThat(fetch.stdout().lines()).hasSize(listedFiles().size()).allMatch(line -> line.startsWith("kept "));
        assertThat(tools.resolve("curl.log")).doesNotExist();
    }

    @Test
    void downloadsEveryFileIntoSharedBesideTheCheckout(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        CheckoutCopy.of(checkout, SCRIPT);

        Execution fetch = run(checkout, dir.resolve("tools"), Map.of());

        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        assertThat(filesUnder(dir.resolve("shared"), "crds", "helm-values"))
                .containsExactlyInAnyOrderElementsOf(listedFiles());
        assertThat(Files.readString(dir.resolve("shared/crds/dapr.io_resiliency.yaml")))
                .isEqualTo("https://raw.githubusercontent.com/dapr/dapr/v1.18.3/charts/dapr/crds/resiliency.yaml\n");
        assertThat(Files.readAllLines(dir.resolve("tools/curl.log"))).as("each from the version gitops/ pins").contains(
                "https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/manifests/crds/application-crd.yaml",
                "https://raw.githubusercontent.com/DataDog/datadog-operator/v1.29.0/config/crd/bases/v1/datadoghq.com_datadogagents.yaml",
                "https://raw.githubusercontent.com/dapr/dapr/v1.18.3/charts/dapr/charts/dapr_scheduler/values.yaml",
                "https://raw.githubusercontent.com/DataDog/helm-charts/datadog-operator-2.25.1/charts/datadog-operator/values.yaml");
    }

    @Test
    void aFailedDownloadSaysWhichAndLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        CheckoutCopy.of(checkout, SCRIPT);

        Execution fetch = run(checkout, dir.resolve("tools"), Map.of("CURL_FAILS", "yes"));

        assertThat(fetch.exitCode()).isEqualTo(1);
        assertThat(fetch.stderr()).contains("cannot download https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/",
                "(for crds/argoproj.io_applications.yaml)", "put ../shared in place");
        assertThat(filesUnder(dir.resolve("shared"), "crds", "helm-values")).isEmpty();
    }

    private static List<String> listedFiles() {
        return ENTRY.matcher(Repository.read(SCRIPT)).results().map(entry -> entry.group(1)).toList();
    }

    private static List<String> filesUnder(Path root, String... folders) throws IOException {
        List<String> files = new ArrayList<>();
        for (String folder : folders) {
            if (Files.isDirectory(root.resolve(folder))) {
                try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
                    walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).forEach(files::add);
                }
            }
        }
        return files;
    }

    private static Execution run(Path checkout, Path tools, Map<String, String> environment) throws IOException {
        Files.createDirectories(tools);
        Path curl = tools.resolve("curl");
        Files.writeString(curl, STAND_IN_CURL);
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(environment);
        env.put("PATH", tools + ":/usr/bin:/bin");
        env.put("CURL_LOG", tools.resolve("curl.log").toString());
        return Execution.run(List.of("bash", SCRIPT), env, checkout, "");
    }
}
