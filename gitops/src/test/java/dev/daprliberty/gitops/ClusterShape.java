package dev.daprliberty.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What eksctl makes of bootstrap/cluster.yaml, as far as the workloads can tell: the nodes of its managed node
 * group (count, instance type, CPU architecture, zones, EKS labels), played by kwok; and the default StorageClass
 * that its aws-ebs-csi-driver addon adds, for which kube-controller-manager's host path provisioner stands in
 * (EBS is AWS; the claims, their binding and their deletion are real).
 */
final class ClusterShape {

    static final String KWOK_ANNOTATION = "kwok.x-k8s.io/node";

    /** Graviton instance types: capacity and what EKS leaves allocatable (max pods of the VPC CNI). */
    private record InstanceType(String cpu, String memory, String allocatableCpu, String allocatableMemory, int pods) {
    }

    private static final Map<String, InstanceType> INSTANCE_TYPES = Map.of(
            "m6g.large", new InstanceType("2", "7934604Ki", "1930m", "7244428Ki", 29));

    private final String region;
    private final String kubernetesVersion;
    private final String nodeGroup;
    private final String instanceTypeName;
    private final InstanceType instanceType;
    private final int nodeCount;

    private ClusterShape(JsonNode config) {
        JsonNode group = config.path("managedNodeGroups").path(0);
        this.region = config.path("metadata").path("region").asText();
        this.kubernetesVersion = config.path("metadata").path("version").asText();
        this.nodeGroup = group.path("name").asText();
        this.instanceTypeName = group.path("instanceType").asText();
        this.instanceType = INSTANCE_TYPES.get(instanceTypeName);
        if (instanceType == null) {
            throw new IllegalStateException("bootstrap/cluster.yaml asks for instance type " + instanceTypeName
                    + ": add its capacity to ClusterShape.INSTANCE_TYPES (known: " + INSTANCE_TYPES.keySet() + ")");
        }
        this.nodeCount = group.path("desiredCapacity").asInt();
    }

    static ClusterShape of(RepoLayout layout) {
        try {
            return new ClusterShape(Manifests.YAML.readTree(layout.root().resolve("bootstrap/cluster.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int nodeCount() {
        return nodeCount;
    }

    String nodeName(int index) {
        return nodeGroup + "-" + index;
    }

    /** The nodes, as kwok expects them (annotated for it, status given), spread over two zones like eksctl's. */
    String nodes() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < nodeCount; i++) {
            String zone = region + (char) ('a' + i % 2);
            yaml.append("""
                    ---
                    apiVersion: v1
                    kind: Node
                    metadata:
                      name: %1$s
                      annotations:
                        %2$s: fake
                      labels:
                        kubernetes.io/arch: arm64
                        kubernetes.io/os: linux
                        kubernetes.io/hostname: %1$s
                        node.kubernetes.io/instance-type: %3$s
                        topology.kubernetes.io/region: %4$s
                        topology.kubernetes.io/zone: %5$s
                        eks.amazonaws.com/nodegroup: %6$s
                        eks.amazonaws.com/capacityType: ON_DEMAND
                    status:
                      capacity: {cpu: "%7$s", memory: %8$s, pods: "%9$d"}
                      allocatable: {cpu: %10$s, memory: %11$s, pods: "%9$d"}
                      nodeInfo:
                        architecture: arm64
                        operatingSystem: linux
                        osImage: Amazon Linux 2023 (kwok)
                        kubeletVersion: v%12$s.0
                    """.formatted(nodeName(i), KWOK_ANNOTATION, instanceTypeName, region, zone, nodeGroup,
                    instanceType.cpu(), instanceType.memory(), instanceType.pods(), instanceType.allocatableCpu(),
                    instanceType.allocatableMemory(), kubernetesVersion));
        }
        return yaml.toString();
    }

    /** STAND-IN for the aws-ebs-csi-driver addon's default StorageClass: same binding mode, host path volumes. */
    String defaultStorageClass() {
        return """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: ebs-csi-default-sc-stand-in
                  annotations:
                    storageclass.kubernetes.io/is-default-class: "true"
                provisioner: kubernetes.io/host-path
                reclaimPolicy: Delete
                volumeBindingMode: WaitForFirstConsumer
                """;
    }
}
