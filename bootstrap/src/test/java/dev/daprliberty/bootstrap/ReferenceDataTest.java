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
 * .ci/fetch-reference-data gives a machine without ../shared (GitHub's runners) what the build reads there: the
 * reference files of the gitops tests and the source folders of the GitOps integration test and its installer.
 * Runs it for real, with A STAND-IN FOR CURL (no network here): a file's URL is answered with the URL itself, a
 * tag's tarball with a tarball laid out as GitHub's ({@link #UPSTREAM}), and a failure like curl's, after part of
 * the body, as when a connection drops.
 */
class ReferenceDataTest {

    private static final String SCRIPT = ".ci/fetch-reference-data";
    private static final Path SHARED = Repository.ROOT.resolve("../shared").normalize();
    private static final Pattern FILE = Pattern.compile("^((?:crds|helm-values)/\\S+)\\s+(\\S+)$", Pattern.MULTILINE);
    private static final Pattern TREE = Pattern.compile("^((?:go-modules|helm-charts)/\\S+)\\s+(\\S+)\\s+(\\S+)$",
            Pattern.MULTILINE);
    /** In ../shared for .ci/install-daprd, which reads it only where the Go module proxy refuses it (not GitHub's). */
    private static final String SERVED_BY_THE_GO_PROXY = "go-modules/durabletask-go-v0.12.4";
    private static final String CODELOAD = "https://codeload.github.com/";
    private static final String ARGO_CD = CODELOAD + "argoproj/argo-cd/tar.gz/refs/tags/v3.5.1";
    private static final String DATADOG_CHARTS =
            CODELOAD + "DataDog/helm-charts/tar.gz/refs/tags/datadog-operator-2.25.1";
    private static final String DAPR_DASHBOARD = CODELOAD + "dapr/dashboard/tar.gz/refs/tags/v0.15.0";
    /**
     * STAND-IN FOR GITHUB's tarballs of the tags: tarball -> folder in it -> the folder of ../shared holding that
     * source (../shared/README.md says where each comes from).
     */
    private static final Map<String, Map<String, String>> UPSTREAM = Map.of(
            ARGO_CD, Map.of("gitops-engine", "go-modules/argo-cd-gitops-engine-v3.5.1"),
            DATADOG_CHARTS, Map.of("charts/datadog-operator", "helm-charts/datadog-operator-2.25.1",
                    "charts/datadog-crds", "helm-charts/datadog-crds-2.23.0"),
            DAPR_DASHBOARD, Map.of("chart/dapr-dashboard", "helm-charts/dapr-dashboard-0.15.0"));
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
            if [[ -n "${CURL_FAILS:-}" && "$url" == *"$CURL_FAILS"* ]]; then
              echo "part of the body" >"$out"
              echo "curl: (18) transfer closed with outstanding read data remaining" >&2
              exit 18
            fi
            tarball="$UPSTREAM/${url//[^A-Za-z0-9.-]/_}"
            if [[ -f "$tarball" ]]; then cp "$tarball" "$out"; else echo "$url" >"$out"; fi
            """;

    @Test
    void fetchesExactlyWhatTheBuildReadsFromShared() throws IOException {
        assertThat(listedFiles()).containsExactlyInAnyOrderElementsOf(filesUnder(SHARED, "crds", "helm-values"));
        List<String> sourceFolders = new ArrayList<>(foldersUnder(SHARED, "go-modules", "helm-charts"));
        assertThat(sourceFolders.remove(SERVED_BY_THE_GO_PROXY)).as(SERVED_BY_THE_GO_PROXY + " in ../shared").isTrue();
        assertThat(listedTrees()).containsExactlyInAnyOrderElementsOf(sourceFolders);
        String argoCd = Repository.pinned(".ci/install-gitops-loop", "ARGOCD_VERSION");
        assertThat(listedTrees()).as("where .ci/install-gitops-loop looks for gitops-engine")
                .contains("go-modules/argo-cd-gitops-engine-" + argoCd);
    }

    @Test
    void keepsTheReferenceDataThatIsThereAndDownloadsNothing(@TempDir Path tools) throws IOException {
        Execution fetch = run(Repository.ROOT, tools, Map.of("CURL_FAILS", "https://"));

        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        assertThat(fetch.stdout().lines()).hasSize(listedFiles().size() + listedTrees().size())
                .allMatch(line -> line.startsWith("kept "));
        assertThat(tools.resolve("curl.log")).doesNotExist();
    }

    @Test
    void downloadsEverythingIntoSharedBesideTheCheckoutWhereTheBuildLooks(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        CheckoutCopy.of(checkout, SCRIPT);

        Execution fetch = run(checkout, dir.resolve("tools"), Map.of());

        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        Path fetched = dir.resolve("shared");
        assertThat(filesUnder(fetched, "crds", "helm-values")).containsExactlyInAnyOrderElementsOf(listedFiles());
        assertThat(Files.readString(fetched.resolve("crds/dapr.io_resiliency.yaml")))
                .isEqualTo("https://raw.githubusercontent.com/dapr/dapr/v1.18.3/charts/dapr/crds/resiliency.yaml\n");
        List<String> trees = listedTrees();
        List<String> everything = new ArrayList<>(listedFiles());
        everything.addAll(filesUnder(SHARED, trees.toArray(String[]::new)));
        assertThat(filesUnder(fetched, ".")).as("the layout of ../shared, and nothing else")
                .containsExactlyInAnyOrderElementsOf(everything);
        for (String file : filesUnder(SHARED, trees.toArray(String[]::new))) {
            assertThat(fetched.resolve(file)).as(file).hasSameBinaryContentAs(SHARED.resolve(file));
        }
        assertThat(fetched.resolve("go-modules/argo-cd-gitops-engine-v3.5.1/go.mod")).isRegularFile();
        assertThat(fetched.resolve("helm-charts/datadog-operator-2.25.1/Chart.yaml")).isRegularFile();
        assertThat(fetched.resolve("helm-charts/datadog-crds-2.23.0/Chart.yaml")).isRegularFile();
        assertThat(fetched.resolve("helm-charts/dapr-dashboard-0.15.0/Chart.yaml")).isRegularFile();
        List<String> downloads = Files.readAllLines(dir.resolve("tools/curl.log"));
        assertThat(downloads).as("each from the version gitops/ pins").contains(
                "https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/manifests/crds/application-crd.yaml",
                "https://raw.githubusercontent.com/DataDog/datadog-operator/v1.29.0/config/crd/bases/v1/datadoghq.com_datadogagents.yaml",
                "https://raw.githubusercontent.com/dapr/dapr/v1.18.3/charts/dapr/charts/dapr_scheduler/values.yaml",
                "https://raw.githubusercontent.com/DataDog/helm-charts/datadog-operator-2.25.1/charts/datadog-operator/values.yaml");
        assertThat(downloads.subList(listedFiles().size(), downloads.size())).as("each tarball once")
                .containsExactly(ARGO_CD, DATADOG_CHARTS, DAPR_DASHBOARD);
    }

    @Test
    void aFailedDownloadSaysWhichAndLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        CheckoutCopy.of(checkout, SCRIPT);

        Execution fetch = run(checkout, dir.resolve("tools"), Map.of("CURL_FAILS", "https://"));

        assertThat(fetch.exitCode()).isEqualTo(1);
        assertThat(fetch.stderr()).contains("cannot download https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/",
                "(for crds/argoproj.io_applications.yaml)", "put ../shared in place");
        assertThat(filesUnder(dir.resolve("shared"), "crds", "helm-values")).isEmpty();
        assertThat(filesUnder(dir.resolve("shared"), ".")).as("nothing, not even a part").isEmpty();
    }

    @Test
    void aTarballCutOffHalfwayLeavesNoFolderAndTheNextRunFetchesWhatIsMissing(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        CheckoutCopy.of(checkout, SCRIPT);

        Execution cutOff = run(checkout, dir.resolve("tools"), Map.of("CURL_FAILS", DATADOG_CHARTS));

        assertThat(cutOff.exitCode()).isEqualTo(1);
        assertThat(cutOff.stderr()).contains("cannot download " + DATADOG_CHARTS,
                "(for helm-charts/datadog-operator-2.25.1)", "check the network, or put ../shared in place");
        Path shared = dir.resolve("shared");
        assertThat(foldersUnder(shared, "go-modules", "helm-charts")).as("complete folders only")
                .containsExactly("go-modules/argo-cd-gitops-engine-v3.5.1");
        assertThat(filesUnder(shared, ".")).as("no part of the tarball")
                .noneMatch(file -> file.contains("helm-charts"));

        Execution again = run(checkout, dir.resolve("tools"), Map.of());

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout().lines().filter(line -> line.startsWith("fetched "))).containsExactly(
                "fetched  helm-charts/datadog-operator-2.25.1", "fetched  helm-charts/datadog-crds-2.23.0",
                "fetched  helm-charts/dapr-dashboard-0.15.0");
        assertThat(foldersUnder(shared, "go-modules", "helm-charts"))
                .containsExactlyInAnyOrderElementsOf(listedTrees());
    }

    @Test
    void aTagWithoutTheFolderSaysSoAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("checkout");
        CheckoutCopy.of(checkout, SCRIPT).replace(SCRIPT, "chart/dapr-dashboard", "chart/dapr-dashboard-moved");

        Execution fetch = run(checkout, dir.resolve("tools"), Map.of());

        assertThat(fetch.exitCode()).isEqualTo(1);
        assertThat(fetch.stderr()).contains(DAPR_DASHBOARD + " has no folder chart/dapr-dashboard-moved",
                "(for helm-charts/dapr-dashboard-0.15.0)", "correct its line in SOURCE_TREES");
        assertThat(foldersUnder(dir.resolve("shared"), "helm-charts"))
                .containsExactlyInAnyOrder("helm-charts/datadog-operator-2.25.1", "helm-charts/datadog-crds-2.23.0");
        assertThat(filesUnder(dir.resolve("shared"), ".")).noneMatch(file -> file.contains("dapr-dashboard"));
    }

    private static List<String> listedFiles() {
        return FILE.matcher(Repository.read(SCRIPT)).results().map(entry -> entry.group(1)).toList();
    }

    private static List<String> listedTrees() {
        return TREE.matcher(Repository.read(SCRIPT)).results().map(entry -> entry.group(1)).toList();
    }

    /** Every file (hidden ones too) under the folders of {@code root}, relative to it. */
    private static List<String> filesUnder(Path root, String... folders) throws IOException {
        List<String> files = new ArrayList<>();
        for (String folder : folders) {
            if (Files.isDirectory(root.resolve(folder))) {
                try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
                    walk.filter(Files::isRegularFile).map(file -> root.relativize(file).normalize().toString())
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The folders in the folders of {@code root}, relative to it. */
    private static List<String> foldersUnder(Path root, String... parents) throws IOException {
        List<String> folders = new ArrayList<>();
        for (String parent : parents) {
            if (Files.isDirectory(root.resolve(parent))) {
                try (Stream<Path> list = Files.list(root.resolve(parent))) {
                    list.filter(Files::isDirectory).map(folder -> root.relativize(folder).toString())
                            .forEach(folders::add);
                }
            }
        }
        return folders;
    }

    private static Execution run(Path checkout, Path tools, Map<String, String> environment) throws IOException {
        Files.createDirectories(tools);
        Path curl = tools.resolve("curl");
        Files.writeString(curl, STAND_IN_CURL);
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(environment);
        env.put("PATH", tools + ":/usr/bin:/bin");
        env.put("CURL_LOG", tools.resolve("curl.log").toString());
        env.put("UPSTREAM", upstreamTarballs(tools.resolve("upstream")).toString());
        return Execution.run(List.of("bash", SCRIPT), env, checkout, "");
    }

    /**
     * GitHub's tarball of each tag, as the stand-in for curl serves it: one top folder REPO-TAG (without the tag's
     * v) holding the upstream folders, with what ../shared has of them, and a README beside them.
     */
    private static Path upstreamTarballs(Path upstream) throws IOException {
        if (Files.isDirectory(upstream)) {
            return upstream;
        }
        Files.createDirectories(upstream);
        Files.writeString(upstream.resolve("README.md"), "the rest of the repository\n");
        for (Map.Entry<String, Map<String, String>> tarball : UPSTREAM.entrySet()) {
            String[] url = tarball.getKey().split("/");
            String top = url[4] + "-" + url[url.length - 1].replaceFirst("^v", "");
            List<String> tar = new ArrayList<>(List.of(Tools.require("tar", "your package manager").toString(), "-czf",
                    upstream.resolve(tarball.getKey().replaceAll("[^A-Za-z0-9.-]", "_")).toString(), "--mode=u+w",
                    "--transform", "s|^README.md$|" + top + "/README.md|"));
            tarball.getValue().forEach((folder, shared) -> tar.addAll(List.of("--transform",
                    "s|^" + shared + "|" + top + "/" + folder + "|")));
            tar.addAll(List.of("-C", upstream.toString(), "README.md", "-C", SHARED.toString()));
            tar.addAll(tarball.getValue().values());
            Execution packed = Execution.run(tar, Map.of(), upstream, "");
            assertThat(packed.exitCode()).as(packed.output()).isZero();
        }
        return upstream;
    }
}
