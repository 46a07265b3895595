package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shell script of the repository: shellcheck-clean, stops on errors, explains itself. */
class ShellScriptsTest {

    private static final List<String> SCRIPTS = ShellScripts.under(Repository.ROOT);

    @Test
    void findsTheBootstrapAndCiScripts() {
        assertThat(SCRIPTS).contains("bootstrap/up", "bootstrap/down", "bootstrap/lib.sh", ".ci/run",
                ".ci/install-script-tools", ".ci/install-kube-tools", ".ci/install-daprd", "run-local",
                ".ci/smoke-image", ".ci/images-to-release", ".ci/install-gitops-loop", ".ci/install-redis",
                ".ci/fetch-reference-data", "e2e/fault-drill", "e2e/benchmark", "e2e/harness.sh",
                "bootstrap/src/test/resources/standin.sh");
    }

    @Test
    void everyScriptIsShellcheckClean() {
        Execution shellcheck = shellcheck(Repository.ROOT, SCRIPTS);

        assertThat(shellcheck.exitCode()).as(shellcheck.output()).isZero();
    }

    @Test
    void shellcheckFlagsAnUnquotedVariable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("clean"), "#!/usr/bin/env bash\nset -euo pipefail\nrm -rf $1/build\n");

        Execution shellcheck = shellcheck(dir, List.of("clean"));

        assertThat(shellcheck.exitCode()).isNotZero();
        assertThat(shellcheck.stdout()).contains("SC2086");
    }

    @Test
    void everyExecutableScriptStopsOnErrors() {
        List<String> lax = new ArrayList<>();
        for (String script : SCRIPTS) {
            if (!script.endsWith(".sh") && !ShellScripts.stopsOnErrors(Repository.read(script))) {
                lax.add(script);
            }
        }
        assertThat(lax).as("scripts without 'set -euo pipefail'").isEmpty();
    }

    @Test
    void theStopOnErrorsCheckSeesAScriptWithoutIt() {
        assertThat(ShellScripts.stopsOnErrors("#!/usr/bin/env bash\nset -e\necho hi\n")).isFalse();
        assertThat(ShellScripts.stopsOnErrors("#!/usr/bin/env bash\nset -euo pipefail\necho hi\n")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap/up", "bootstrap/down", ".ci/run", ".ci/install-script-tools",
        ".ci/install-kube-tools", ".ci/install-daprd", "run-local", ".ci/smoke-image", ".ci/images-to-release",
        "e2e/fault-drill", "e2e/benchmark", ".ci/install-gitops-loop", ".ci/install-redis",
        ".ci/fetch-reference-data"})
    void explainsItselfWithHelpAndDoesNothingElse(String script, @TempDir Path home) {
        Execution help = Execution.run(List.of(Repository.path(script).toString(), "--help"),
                Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(), "TOOLS_BIN", home.resolve("bin").toString()),
                Repository.ROOT, "");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.stdout()).startsWith("Usage: ");
        assertThat(home).isEmptyDirectory();
    }

    private static Execution shellcheck(Path root, List<String> scripts) {
        List<String> command = new ArrayList<>(List.of(
                Tools.require("shellcheck", ".ci/install-script-tools").toString(), "--format=gcc"));
        command.addAll(scripts);
        return Execution.run(command, Map.of("PATH", "/usr/bin:/bin"), root, "");
    }
}
