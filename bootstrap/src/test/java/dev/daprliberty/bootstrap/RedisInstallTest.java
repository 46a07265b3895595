package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ci/install-redis on the machines CI runs on: this one (root) and GitHub's runners (a user with password-less
 * sudo), and on a laptop whose user may not sudo without a password. Runs the script for real with STAND-INS for
 * id (who the user is), sudo, apt-get and systemctl (installing packages and being root are out of a test's reach);
 * the apt-get stand-in "installs" redis-server by putting a stand-in of it on PATH.
 */
class RedisInstallTest {

    private static final String SCRIPT = ".ci/install-redis";
    private static final String INSTALL = "apt-get install -y -qq --no-install-recommends redis-server";
    private static final String STAND_IN = """
            #!/usr/bin/env bash
            # STAND-IN for id, sudo, apt-get, systemctl and redis-server: each call is logged with who made it.
            tool="${0##*/}"
            echo "$tool $* (uid $STANDIN_UID${DEBIAN_FRONTEND:+, DEBIAN_FRONTEND=$DEBIAN_FRONTEND})" >>"$STANDIN_CALLS"
            case "$tool" in
              id) echo "$STANDIN_UID" ;;
              sudo)
                [[ "$1" == -n ]] || { echo "[sudo] password for runner: (a prompt, in a test)" >&2; exit 1; }
                shift
                [[ -n "${STANDIN_SUDO_WITHOUT_PASSWORD:-}" ]] || { echo "sudo: a password is required" >&2; exit 1; }
                export STANDIN_UID=0
                exec "$@" ;;
              apt-get)
                if [[ "$STANDIN_UID" != 0 ]]; then
                  echo "E: Could not open lock file - open (13: Permission denied)" >&2
                  exit 100
                fi
                if [[ "$1" == install && -n "${STANDIN_APT_FAILS:-}" ]]; then
                  echo "E: Unable to locate package redis-server" >&2
                  exit 100
                fi
                [[ "$1" != install ]] || cp "$0" "${0%/*}/redis-server" ;;
              systemctl) [[ "$1" == is-active || "$STANDIN_UID" == 0 ]] ;;
              redis-server) echo "Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=0" ;;
            esac
            """;

    @Test
    void githubsRunnerUserInstallsThroughSudoWithoutAPassword(@TempDir Path dir) throws IOException {
        Execution install = run(dir, "1001", List.of("id", "sudo", "apt-get", "systemctl"),
                Map.of("STANDIN_SUDO_WITHOUT_PASSWORD", "yes"));

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(calls(dir)).containsSubsequence(
                "sudo -n apt-get update -qq (uid 1001)",
                "apt-get update -qq (uid 0)",
                "sudo -n env DEBIAN_FRONTEND=noninteractive " + INSTALL + " (uid 1001)",
                INSTALL + " (uid 0, DEBIAN_FRONTEND=noninteractive)",
                "sudo -n systemctl stop redis-server (uid 1001)",
                "systemctl stop redis-server (uid 0)");
        assertThat(install.stdout()).contains("Installing redis-server with apt-get (through sudo)",
                "Installed redis-server (v=7.0.15)");
    }

    @Test
    void rootInstallsWithAptGetItself(@TempDir Path dir) throws IOException {
        Execution install = run(dir, "0", List.of("id", "apt-get", "systemctl"), Map.of());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(calls(dir)).containsSubsequence("apt-get update -qq (uid 0)",
                INSTALL + " (uid 0, DEBIAN_FRONTEND=noninteractive)", "systemctl stop redis-server (uid 0)");
        assertThat(calls(dir)).noneMatch(call -> call.startsWith("sudo "));
    }

    @Test
    void aUserWhoMayNotSudoWithoutAPasswordIsToldWhatToRunAndNothingIsTried(@TempDir Path dir) throws IOException {
        Execution install = run(dir, "1000", List.of("id", "sudo", "apt-get", "systemctl"), Map.of());

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.stderr()).contains("installing it takes root", "run 'sudo apt-get install redis-server'")
                .doesNotContain("[sudo] password");
        assertThat(calls(dir)).noneMatch(call -> call.startsWith("apt-get "));
    }

    @Test
    void aUserWithoutSudoIsToldWhatToRun(@TempDir Path dir) throws IOException {
        Execution install = run(dir, "1000", List.of("id", "apt-get"), Map.of());

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.stderr()).contains("run 'sudo apt-get install redis-server'");
        assertThat(calls(dir)).noneMatch(call -> call.startsWith("apt-get "));
    }

    @Test
    void aFailedAptGetSaysSo(@TempDir Path dir) throws IOException {
        Execution install = run(dir, "0", List.of("id", "apt-get", "systemctl"), Map.of("STANDIN_APT_FAILS", "yes"));

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.stderr()).contains("E: Unable to locate package redis-server",
                "apt-get install redis-server failed");
    }

    @Test
    void installsNothingWhenRedisServerIsOnPath(@TempDir Path dir) throws IOException {
        Execution install = run(dir, "1001", List.of("id", "sudo", "apt-get", "redis-server"), Map.of());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.stdout()).isEqualTo("redis-server already installed (v=7.0.15)\n");
        assertThat(calls(dir)).noneMatch(call -> call.startsWith("apt-get ") || call.startsWith("sudo "));
    }

    /** Runs the script as user {@code uid} on a PATH of the stand-ins named and the few real tools it uses. */
    private static Execution run(Path dir, String uid, List<String> standIns, Map<String, String> environment)
            throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : standIns) {
            Files.writeString(bin.resolve(tool), STAND_IN);
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path system = Files.createDirectories(dir.resolve("system"));
        for (String tool : List.of("bash", "env", "sed", "cp", "true")) {
            StandInMachine.writeWrapper(system.resolve(tool), Tools.require(tool, "your package manager"));
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("PATH", bin + ":" + system);
        env.put("STANDIN_UID", uid);
        env.put("STANDIN_CALLS", dir.resolve("calls").toString());
        return Execution.run(List.of(Tools.require("bash", "your package manager").toString(),
                Repository.path(SCRIPT).toString()), env, Repository.ROOT, "");
    }

    private static List<String> calls(Path dir) throws IOException {
        Path log = dir.resolve("calls");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
