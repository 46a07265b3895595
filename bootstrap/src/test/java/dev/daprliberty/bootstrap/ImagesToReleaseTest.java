package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * .ci/images-to-release, the release's plan step, run for real in a git repository made of this one's files: a
 * commit was released (the release's own pin step pinned it), then another commit changes something.
 */
class ImagesToReleaseTest {

    private static final List<String> SERVICES = List.of("comms-liberty", "greeter-liberty");
    private static final String OWNER = "Example-Org";
    private static final Workflow RELEASE = Workflow.read(".github/workflows/release.yml");

    @TempDir
    Path dir;
    private GitRemote remote;
    private Path repo;
    private String released;

    /** A repository whose last commit is the release's pin of the one before it. */
    @BeforeEach
    void releasedRepository() {
        remote = GitRemote.create(dir);
        repo = remote.cloneTo("repo");
        List<String> files = new ArrayList<>(List.of("Containerfile", "Containerfile.dockerignore", "pom.xml", ".mvn",
                "README.md", ".ci/images-to-release", "gitops/services", "greeting-api/pom.xml"));
        SERVICES.forEach(service -> files.addAll(List.of(service + "/pom.xml", service + "/src/main/liberty")));
        CheckoutCopy.of(repo, files.toArray(String[]::new));
        remote.commitAndPush(repo, "Services");
        released = remote.commitOf(repo, "HEAD");
        pin(String.join(" ", SERVICES), released);
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "gitops/services/base/notes.md", "comms-liberty/src/test/java/NewIT.java",
        "greeting-api/src/test/java/NewTest.java"})
    void buildsNothingWhenNothingThatGoesIntoAnImageChanged(String file) {
        commit(file);

        Execution plan = plan(OWNER);

        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).isEqualTo("matrix=[]\nlist=\n");
        assertThat(plan.stderr()).contains("comms-liberty: keep the pinned image (none of its inputs changed)",
                "greeter-liberty: keep the pinned image (none of its inputs changed)");
    }

    @ParameterizedTest
    @CsvSource({
        "comms-liberty/src/main/java/New.java, comms-liberty",
        "greeter-liberty/src/main/liberty/config/server.xml, greeter-liberty",
        "greeter-liberty/pom.xml, greeter-liberty",
        "greeting-api/src/main/java/New.java, comms-liberty greeter-liberty",
        "Containerfile, comms-liberty greeter-liberty",
        "pom.xml, comms-liberty greeter-liberty",
        ".mvn/wrapper/maven-wrapper.properties, comms-liberty greeter-liberty"})
    void buildsTheImagesWhoseInputsChanged(String file, String services) {
        commit(file);

        Execution plan = plan(OWNER);

        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).isEqualTo("matrix=" + json(services) + "\nlist=" + services + "\n");
        for (String service : services.split(" ")) {
            assertThat(plan.stderr()).contains(service + ": build (changed since " + released.substring(0, 12) + ": "
                    + file + ")");
        }
    }

    @Test
    void everyModuleAServiceDependsOnIsOneOfItsInputs() {
        for (String service : SERVICES) {
            for (String module : siblingModules(service)) {
                commit(module + "/src/main/java/Changed" + service.hashCode() + ".java");

                assertThat(plan(OWNER).stdout()).as(service + " depends on " + module).contains(service);
                pin(String.join(" ", SERVICES), remote.commitOf(repo, "HEAD"));
            }
        }
        assertThat(siblingModules("comms-liberty")).as("the dependency this test is about").contains("greeting-api");
    }

    @Test
    void buildsEverythingWhileTheOverlayPinsThePlaceholder(@TempDir Path fresh) {
        GitRemote fork = GitRemote.create(fresh);
        Path clone = fork.cloneTo("fork");
        CheckoutCopy.of(clone, ".ci/images-to-release", "gitops/services", "comms-liberty/pom.xml",
                "greeter-liberty/pom.xml");
        fork.commitAndPush(clone, "Fork");

        Execution plan = plan(clone, OWNER);

        assertThat(plan.stdout()).isEqualTo("matrix=[\"comms-liberty\",\"greeter-liberty\"]\n"
                + "list=comms-liberty greeter-liberty\n");
        assertThat(plan.stderr()).contains("comms-liberty: build (the overlay pins ghcr.io/OWNER/comms-liberty, not this"
                + " repository's ghcr.io/example-org/comms-liberty)");
    }

    @Test
    void buildsEverythingWhenThePinnedImagesAreAnotherOwners() {
        commit("README.md");

        Execution plan = plan("Someone-Who-Forked");

        assertThat(plan.stdout()).isEqualTo("matrix=[\"comms-liberty\",\"greeter-liberty\"]\n"
                + "list=comms-liberty greeter-liberty\n");
        assertThat(plan.stderr()).contains("greeter-liberty: build (the overlay pins ghcr.io/example-org/greeter-liberty,"
                + " not this repository's ghcr.io/someone-who-forked/greeter-liberty)");
    }

    @Test
    void buildsAnImageWhosePinnedTagIsNoCommitOfThisHistory() {
        pin("comms-liberty", "feedfacefeedfacefeedfacefeedfacefeedface");

        Execution plan = plan(OWNER);

        assertThat(plan.stdout()).isEqualTo("matrix=[\"comms-liberty\"]\nlist=comms-liberty\n");
        assertThat(plan.stderr()).contains("comms-liberty: build (the pinned tag 'feedfacefeedfacefeedfacefeedfacefeedface'"
                + " is no commit of this repository's history)");
    }

    @Test
    void needsTheOwner() {
        Execution plan = plan("");

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.stderr()).contains("OWNER is not set: set it to the GitHub owner of this repository");
    }

    private void commit(String file) {
        try {
            Path path = repo.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "changed by " + getClass().getSimpleName() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        remote.commitAndPush(repo, "Change " + file);
    }

    /** What the release's deploy job does after building {@code services} at {@code commit}. */
    private void pin(String services, String commit) {
        Path kustomize = Tools.require("kustomize", ".ci/install-script-tools");
        Execution pin = RELEASE.run("deploy", "Pin the images in the demo overlay", repo, Map.of("OWNER", OWNER,
                "IMAGE_TAG", commit, "SERVICES", services, "PATH", kustomize.getParent() + ":/usr/bin:/bin"));
        assertThat(pin.exitCode()).as(pin.output()).isZero();
        remote.commitAndPush(repo, "Deploy " + commit + " to demo");
    }

    private Execution plan(String owner) {
        return plan(repo, owner);
    }

    private Execution plan(Path clone, String owner) {
        Path gojq = Tools.require("gojq", ".ci/install-script-tools");
        return Execution.run(List.of(clone.resolve(".ci/images-to-release").toString()), remote.environment(Map.of(
                "OWNER", owner, "PATH", gojq.getParent() + ":" + remote.environment(Map.of()).get("PATH"))), clone, "");
    }

    /** The modules of this repository a module's pom depends on (artifactIds that are module directories). */
    private static List<String> siblingModules(String module) {
        Matcher artifact = Pattern.compile("<dependency>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(Repository.read(module + "/pom.xml"));
        List<String> modules = new ArrayList<>();
        while (artifact.find()) {
            if (Files.isRegularFile(Repository.path(artifact.group(1) + "/pom.xml"))) {
                modules.add(artifact.group(1));
            }
        }
        return modules;
    }

    private static String json(String services) {
        return "[\"" + String.join("\",\"", services.split(" ")) + "\"]";
    }
}
