package dev.daprliberty.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo CD v3.5.1 for real, on loopback: Redis (its cache), the repo server (git, helm and kustomize at the versions
 * of Argo CD's image) and the application controller, as the pods of its install manifest would run them, reading
 * the same ConfigMaps and Secrets in namespace argocd through the admin's kubeconfig.
 *
 * <p>Two settings differ from a cluster, both through the environment variables the install manifest sets from
 * argocd-cm (besides ARGOCD_FAKE_IN_CLUSTER, below): the reconciliation period is {@value #RECONCILIATION} instead of 3 minutes (the push below is seen
 * sooner); and the repo server trusts the served fork's certificate from ARGOCD_TLS_DATA_PATH, the folder where a
 * pod mounts argocd-tls-certs-cm.
 */
final class ArgoCdProcesses implements AutoCloseable {

    static final String RECONCILIATION = "10s";

    private final Daemons daemons = new Daemons();

    static ArgoCdProcesses start(LoopBinaries binaries, Path kubeconfig, Path gitServerCa, Path dir) {
        ArgoCdProcesses argocd = new ArgoCdProcesses();
        try {
            argocd.startAll(binaries, kubeconfig, gitServerCa, dir);
            return argocd;
        } catch (RuntimeException e) {
            argocd.close();
            throw e;
        }
    }

    private void startAll(LoopBinaries binaries, Path kubeconfig, Path gitServerCa, Path dir) {
        Path logs = dir.resolve("logs");
        Map<String, String> environment = environment(binaries, gitServerCa, dir);
        // Argo CD's own switch for running outside the cluster (its make start-local): the in-cluster destination
        // https://kubernetes.default.svc is the cluster of this kubeconfig.
        environment.put("ARGOCD_FAKE_IN_CLUSTER", "true");
        environment.put("KUBECONFIG", kubeconfig.toString());

        int redisPort = FreePort.next();
        daemons.add(Daemon.start("redis", List.of(binaries.redisServer().toString(), "--bind", "127.0.0.1",
                "--port", String.valueOf(redisPort), "--save", "", "--appendonly", "no", "--dir", dir.toString()),
                Map.of(), logs).awaitPort(redisPort, Duration.ofSeconds(30)));
        String redis = "127.0.0.1:" + redisPort;

        int repoServerPort = FreePort.next();
        int repoServerMetricsPort = FreePort.next();
        daemons.add(Daemon.start("argocd-repo-server", List.of(binaries.argocd("argocd-repo-server").toString(),
                "--address", "127.0.0.1", "--port", String.valueOf(repoServerPort),
                "--metrics-address", "127.0.0.1", "--metrics-port", String.valueOf(repoServerMetricsPort),
                // Plain gRPC on loopback, as with the controller's --repo-server-plaintext below.
                "--redis", redis, "--disable-tls", "--client-ca-path="), environment, logs)
                .awaitReady("healthy", Duration.ofMinutes(1), () -> healthy(repoServerMetricsPort)));

        // Argo CD has no flag for the address of the controller's metrics listener: it binds 0.0.0.0 on this port.
        int controllerMetricsPort = FreePort.next();
        daemons.add(Daemon.start("argocd-application-controller", List.of(
                binaries.argocd("argocd-application-controller").toString(),
                "--kubeconfig", kubeconfig.toString(), "--namespace", "argocd",
                "--repo-server", "127.0.0.1:" + repoServerPort, "--repo-server-plaintext",
                "--redis", redis, "--metrics-port", String.valueOf(controllerMetricsPort)), environment, logs)
                .awaitReady("healthy", Duration.ofMinutes(1), () -> healthy(controllerMetricsPort)));
    }

    private static Map<String, String> environment(LoopBinaries binaries, Path gitServerCa, Path dir) {
        Map<String, String> environment = new HashMap<>();
        try {
            Path tls = Files.createDirectories(dir.resolve("tls"));
            // Named after the server, as argocd-tls-certs-cm's keys are.
            Files.copy(gitServerCa, tls.resolve("127.0.0.1"));
            environment.put("ARGOCD_TLS_DATA_PATH", tls.toString());
            environment.put("ARGOCD_SSH_DATA_PATH", Files.createDirectories(dir.resolve("ssh")).toString());
            environment.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
            environment.put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
            // Its own socket for git's credential helper, not the shared default in /tmp.
            environment.put("ARGOCD_ASK_PASS_SOCK", dir.resolve("askpass.sock").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.put("PATH", binaries.repoServerToolsPath() + ":/usr/local/bin:/usr/bin:/bin");
        environment.put("ARGOCD_RECONCILIATION_TIMEOUT", RECONCILIATION);
        environment.put("ARGOCD_RECONCILIATION_JITTER", "1s");
        // No GnuPG keyring: signature verification is off, as argocd-cm leaves it unless keys are configured.
        environment.put("ARGOCD_GPG_ENABLED", "false");
        return environment;
    }

    private static boolean healthy(int metricsPort) {
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/healthz"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The processes that died, with the end of their logs; empty while all run. */
    String deadComponents() {
        return daemons.dead();
    }

    @Override
    public void close() {
        daemons.close();
    }
}
