package dev.daprliberty.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's (or a CI runner's) machine for the scripts to run on, in a temporary directory: a home directory, the few
 * real system tools the scripts use, and STAND-INS for aws, eksctl, kubectl, git, docker and curl (standin.sh):
 * AWS, a Kubernetes API server, a container engine, the user's GitHub checkout and the registries are out of a
 * test's reach. The stand-ins record every call and answer from {@link #respond canned responses}; kubectl's
 * local-only commands run the real kubectl. {@link #withTool} puts a real tool in place of a stand-in.
 */
final class StandInMachine {

    static final List<String> STAND_INS = List.of("aws", "eksctl", "kubectl", "git", "docker", "curl");
    /** A well-formed Datadog API key (32 hexadecimal characters), made up. */
    static final String API_KEY = "0123456789abcdef0123456789abcdef";
    /** The commit whose images the user's fork released (and pinned in its demo overlay). */
    static final String RELEASED = "fedcba9876543210fedcba9876543210fedcba98";
    /** The GitHub owner of the user's fork (origin, as the git stand-in answers). */
    static final String OWNER = "Example-Org";
    /** Real tools the scripts use besides bash builtins. */
    private static final List<String> SYSTEM_TOOLS = List.of("bash", "cat", "cp", "dirname", "head", "mktemp", "rm",
            "sed", "sleep", "sort", "tr");
    /** What bootstrap/up and bootstrap/down read of a checkout. */
    private static final List<String> CHECKOUT = List.of("bootstrap/up", "bootstrap/down", "bootstrap/lib.sh",
            "bootstrap/cluster.yaml", "gitops/root-app.yaml", "gitops/services");

    private final Path dir;
    private final Path standIns;
    private final Path systemTools;
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private Path checkout;

    /**
     * A machine with DD_API_KEY set, as bootstrap/up needs it, and a checkout of the user's fork after its first
     * release: the release workflow's own pin step has pinned {@link #RELEASED} in the demo overlay.
     */
    StandInMachine(Path dir) {
        this.dir = dir;
        extraEnvironment.put("DD_API_KEY", API_KEY);
        this.standIns = dir.resolve("stand-ins");
        this.systemTools = dir.resolve("system-tools");
        try {
            Files.createDirectories(standIns);
            Files.createDirectories(systemTools);
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(dir.resolve("tmp"));
            Files.createDirectories(dir.resolve("responses"));
            byte[] standIn = standInScript();
            for (String tool : STAND_INS) {
                Path file = standIns.resolve(tool);
                Files.write(file, standIn);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            for (String tool : SYSTEM_TOOLS) {
                writeWrapper(systemTools.resolve(tool), Tools.require(tool, "your package manager"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkout = releasedCheckout(dir.resolve("checkout")).root();
    }

    /** What bootstrap/up and bootstrap/down read of this repository, copied to {@code checkout}, as git has it. */
    static CheckoutCopy unreleasedCheckout(Path checkout) {
        return CheckoutCopy.of(checkout, CHECKOUT.toArray(String[]::new));
    }

    /** The same, after the fork's first release: the release workflow's pin step has pinned {@link #RELEASED}. */
    static CheckoutCopy releasedCheckout(Path checkout) {
        unreleasedCheckout(checkout);
        Execution pin = Workflow.read(".github/workflows/release.yml").run("deploy", "Pin the images in the demo overlay",
                checkout, Map.of("OWNER", OWNER, "IMAGE_TAG", RELEASED, "SERVICES", "comms-liberty greeter-liberty",
                        "PATH", Tools.require("kustomize", ".ci/install-script-tools").getParent() + ":/usr/bin:/bin"));
        if (pin.exitCode() != 0) {
            throw new AssertionError("the release's pin step failed in " + checkout + "\n" + pin.output());
        }
        return new CheckoutCopy(checkout);
    }

    /** A wrapper rather than a symlink: the temporary directory is deleted without following links. */
    static void writeWrapper(Path wrapper, Path tool) throws IOException {
        Files.writeString(wrapper, "#!/bin/sh\nexec " + tool + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The real {@code tool} (from the PATH Maven runs with; {@code installer} provides it) instead of any stand-in. */
    StandInMachine withTool(String tool, String installer) {
        try {
            writeWrapper(standIns.resolve(tool), Tools.require(tool, installer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static byte[] standInScript() throws IOException {
        try (InputStream in = StandInMachine.class.getResourceAsStream("/standin.sh")) {
            if (in == null) {
                throw new IllegalStateException("standin.sh missing from the test resources");
            }
            return in.readAllBytes();
        }
    }

    StandInMachine withEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    StandInMachine withoutEnvironment(String name) {
        extraEnvironment.remove(name);
        return this;
    }

    /** Runs the scripts of another checkout (this repository, or a changed copy of it) instead of the released fork. */
    StandInMachine inCheckout(Path root) {
        checkout = root;
        return this;
    }

    /** The answer the stand-ins give for {@code key} (see standin.sh); {@code key.2} for the second call only. */
    StandInMachine respond(String key, String content) {
        try {
            Files.writeString(dir.resolve("responses").resolve(key), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Execution run(String script, String... args) {
        return run(true, script, args);
    }

    /** Runs a script on a PATH that has the system tools only: none of aws, eksctl, kubectl, git. */
    Execution runWithoutTools(String script, String... args) {
        return run(false, script, args);
    }

    /** Runs a workflow step's script as GitHub's runner does (bash -eo pipefail), on this machine, with {@code env} too. */
    Execution runShell(String script, Map<String, String> env) {
        Map<String, String> environment = environment(true);
        environment.putAll(env);
        return Execution.run(List.of(Tools.require("bash", "your package manager").toString(), "--noprofile", "--norc",
                "-eo", "pipefail", "-c", script), environment, checkout, "");
    }

    private Execution run(boolean withStandIns, String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(checkout.resolve(script).toString());
        command.addAll(Arrays.asList(args));
        return Execution.run(command, environment(withStandIns), checkout, "");
    }

    private Map<String, String> environment(boolean withStandIns) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", withStandIns ? standIns + ":" + systemTools : systemTools.toString());
        environment.put("HOME", dir.resolve("home").toString());
        environment.put("TMPDIR", dir.resolve("tmp").toString());
        environment.put("KUBECONFIG", dir.resolve("home/.kube/config").toString());
        environment.put("STANDIN_DIR", dir.toString());
        environment.put("REAL_KUBECTL", Tools.find("kubectl").map(Path::toString)
                .orElse("kubectl-not-on-PATH:run-.ci/install-kube-tools"));
        environment.put("BOOTSTRAP_POLL_SECONDS", "0");
        environment.putAll(extraEnvironment);
        return environment;
    }

    /** Every call the stand-ins received, in order: the tool's name, then its arguments. */
    List<List<String>> calls() {
        Path log = dir.resolve("calls");
        if (!Files.exists(log)) {
            return List.of();
        }
        return read(log).lines().map(line -> List.of(line.split("\u001f", -1))).toList();
    }

    /** What a stand-in received on stdin: applied.yaml (the API server), eksctl-config.yaml (AWS). */
    String received(String file) {
        return read(dir.resolve(file));
    }

    Path directory() {
        return dir;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
