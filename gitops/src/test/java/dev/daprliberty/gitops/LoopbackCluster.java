package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Kubernetes 1.35 control plane on loopback: etcd, kube-apiserver (its own certificates and service account
 * keys), kube-controller-manager and kube-scheduler, with kwok playing the kubelet of two nodes shaped like the
 * node group of bootstrap/cluster.yaml. Everything listens on 127.0.0.1 and free ports.
 *
 * <p>Service IPs come from a loopback range: the only thing that dials a Service here is the API server calling an
 * admission webhook (Dapr's sidecar injector, which no kwok node can run), and that call must stay on this machine.
 * It is refused at once, and the webhook's failurePolicy (Ignore, the Dapr chart's default) lets the pod in
 * without a sidecar.
 */
final class LoopbackCluster implements AutoCloseable {

    static final String SERVICE_IP_RANGE = "127.96.0.0/16";
    /** The kubeconfig context, named like the EKS cluster bootstrap/up manages by default (its --cluster-name). */
    static final String CONTEXT = "dapr-demo";

    private final Daemons daemons = new Daemons();
    final Kubectl kubectl;
    final Pki pki;
    final Path kubeconfig;

    private LoopbackCluster(Path kubectl, Path dir) {
        this.pki = Pki.create(dir.resolve("pki"))
                .issue("kube-apiserver", "/CN=kube-apiserver",
                        "IP:127.0.0.1,IP:127.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,"
                                + "DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local", "serverAuth")
                .issue("admin", "/O=system:masters/CN=gitops-loop-admin", null, "clientAuth");
        this.kubeconfig = dir.resolve("kubeconfig");
        this.kubectl = new Kubectl(kubectl, kubeconfig);
    }

    static LoopbackCluster start(LoopBinaries binaries, Path kubectl, Path dir, ClusterShape shape) {
        LoopbackCluster cluster = new LoopbackCluster(kubectl, dir);
        try {
            cluster.startControlPlane(binaries, dir);
            cluster.addNodes(binaries, dir, shape);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startControlPlane(LoopBinaries binaries, Path dir) {
        Path logs = dir.resolve("logs");
        int etcdPort = FreePort.next();
        int etcdPeerPort = FreePort.next();
        String etcdUrl = "http://127.0.0.1:" + etcdPort;
        daemons.add(Daemon.start("etcd", List.of(binaries.etcd().toString(), "--name", "loop",
                "--data-dir", dir.resolve("etcd").toString(),
                "--listen-client-urls", etcdUrl, "--advertise-client-urls", etcdUrl,
                "--listen-peer-urls", "http://127.0.0.1:" + etcdPeerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + etcdPeerPort,
                "--initial-cluster", "loop=http://127.0.0.1:" + etcdPeerPort,
                // A test's data need not survive a power cut.
                "--unsafe-no-fsync"), Map.of(), logs).awaitPort(etcdPort, Duration.ofSeconds(30)));

        int apiPort = FreePort.next();
        writeKubeconfig(apiPort);
        daemons.add(Daemon.start("kube-apiserver", List.of(binaries.kubernetes("kube-apiserver").toString(),
                "--etcd-servers", etcdUrl,
                "--bind-address", "127.0.0.1", "--advertise-address", "127.0.0.1", "--secure-port", String.valueOf(apiPort),
                "--tls-cert-file", pki.cert("kube-apiserver").toString(),
                "--tls-private-key-file", pki.key("kube-apiserver").toString(),
                "--client-ca-file", pki.cert("ca").toString(),
                "--service-account-issuer", "https://kubernetes.default.svc.cluster.local",
                "--service-account-key-file", pki.serviceAccountPublicKey().toString(),
                "--service-account-signing-key-file", pki.key("service-accounts").toString(),
                "--service-cluster-ip-range", SERVICE_IP_RANGE,
                "--authorization-mode", "Node,RBAC",
                // No Endpoints for the kubernetes Service: they may not hold a loopback address.
                "--endpoint-reconciler-type", "none",
                "--cert-dir", dir.resolve("kube-apiserver").toString()), Map.of(), logs)
                .awaitReady("ready (/readyz)", Duration.ofMinutes(2), kubectl::ready));

        String kubeconfigPath = kubeconfig.toString();
        daemons.add(Daemon.start("kube-controller-manager", List.of(
                binaries.kubernetes("kube-controller-manager").toString(),
                "--kubeconfig", kubeconfigPath, "--authentication-kubeconfig", kubeconfigPath,
                "--authorization-kubeconfig", kubeconfigPath,
                "--bind-address", "127.0.0.1", "--secure-port", String.valueOf(FreePort.next()),
                "--cert-dir", dir.resolve("kube-controller-manager").toString(),
                "--leader-elect=false",
                "--service-account-private-key-file", pki.key("service-accounts").toString(),
                "--root-ca-file", pki.cert("ca").toString(),
                "--service-cluster-ip-range", SERVICE_IP_RANGE,
                // Provisions the volumes of ClusterShape's stand-in for the EBS CSI driver (see there).
                "--enable-hostpath-provisioner"), Map.of(), logs));
        daemons.add(Daemon.start("kube-scheduler", List.of(binaries.kubernetes("kube-scheduler").toString(),
                "--kubeconfig", kubeconfigPath, "--authentication-kubeconfig", kubeconfigPath,
                "--authorization-kubeconfig", kubeconfigPath,
                "--bind-address", "127.0.0.1", "--secure-port", String.valueOf(FreePort.next()),
                "--leader-elect=false"), Map.of(), logs));
    }

    /** kwok keeps the nodes Ready and makes their pods Running and Ready, without a container runtime. */
    private void addNodes(LoopBinaries binaries, Path dir, ClusterShape shape) {
        kubectl.apply(shape.nodes());
        kubectl.apply(shape.defaultStorageClass());
        daemons.add(Daemon.start("kwok", List.of(binaries.kwok().toString(),
                "--kubeconfig", kubeconfig.toString(),
                "--manage-all-nodes=false", "--manage-nodes-with-annotation-selector", ClusterShape.KWOK_ANNOTATION + "=fake",
                "--node-lease-duration-seconds", "40",
                // Pod IPs are only written into objects: no process here dials a pod.
                "--cidr", "10.244.0.1/16"), Map.of(), dir.resolve("logs"))
                .awaitReady("keeping the nodes Ready", Duration.ofMinutes(1), () -> readyNodes() == shape.nodeCount()));
    }

    private long readyNodes() {
        JsonNode nodes = kubectl.json("get", "nodes");
        long ready = 0;
        for (JsonNode node : nodes.path("items")) {
            for (JsonNode condition : node.path("status").path("conditions")) {
                if (condition.path("type").asText().equals("Ready") && condition.path("status").asText().equals("True")) {
                    ready++;
                }
            }
        }
        return ready;
    }

    /** The processes that died, with the end of their logs; empty while all run. */
    String deadComponents() {
        return daemons.dead();
    }

    private void writeKubeconfig(int apiPort) {
        String config = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: loopback
                    cluster:
                      server: https://127.0.0.1:%d
                      certificate-authority: %s
                users:
                  - name: admin
                    user:
                      client-certificate: %s
                      client-key: %s
                contexts:
                  - name: %s
                    context:
                      cluster: loopback
                      user: admin
                current-context: %s
                """.formatted(apiPort, pki.cert("ca"), pki.cert("admin"), pki.key("admin"), CONTEXT, CONTEXT);
        try {
            Files.writeString(kubeconfig, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        daemons.close();
    }
}
