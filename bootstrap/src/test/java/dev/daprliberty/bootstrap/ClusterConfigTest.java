package dev.daprliberty.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** bootstrap/cluster.yaml: valid for eksctl, and the cluster the demo is documented to run on. */
@ExtendWith(StandInMachines.class)
class ClusterConfigTest {

    private final JsonNode config = ClusterConfig.committed();

    @Test
    void isAValidEksctlClusterConfig() {
        assertThat(config.path("apiVersion").asText()).isEqualTo("eksctl.io/v1alpha5");
        assertThat(config.path("kind").asText()).isEqualTo("ClusterConfig");
        assertThat(ClusterConfig.schemaProblems(config)).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAMisspelledKey() {
        ObjectNode broken = config.deepCopy();
        ((ObjectNode) broken.path("managedNodeGroups").path(0)).put("instanceTypes", "m6g.large");

        assertThat(ClusterConfig.schemaProblems(broken)).singleElement().asString().contains("instanceTypes");
    }

    @Test
    void isEks134Or135() {
        assertThat(config.path("metadata").path("version").asText()).isIn("1.34", "1.35");
    }

    @Test
    void hasTwoToFourGravitonNodesOnAmazonLinux2023() {
        JsonNode nodeGroups = config.path("managedNodeGroups");
        assertThat(nodeGroups).hasSize(1);
        JsonNode nodes = nodeGroups.path(0);
        assertThat(nodes.path("instanceType").asText()).isEqualTo("m6g.large");
        assertThat(nodes.path("amiFamily").asText()).isEqualTo("AmazonLinux2023");
        assertThat(nodes.path("desiredCapacity").asInt()).isEqualTo(2);
        assertThat(nodes.path("minSize").asInt()).isEqualTo(2);
        assertThat(nodes.path("maxSize").asInt()).isEqualTo(4);
        assertThat(config.path("nodeGroups").isMissingNode()).as("no self-managed node groups").isTrue();
    }

    @Test
    void hasOidcAndTheAddonsTheDemoNeeds() {
        assertThat(config.path("iam").path("withOIDC").asBoolean()).isTrue();
        List<String> addons = new ArrayList<>();
        config.path("addons").forEach(addon -> addons.add(addon.path("name").asText()));
        assertThat(addons).containsExactlyInAnyOrder("vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent",
                "aws-ebs-csi-driver", "metrics-server");
    }

    @Test
    void theEbsDriverGetsItsRoleByPodIdentityAndMakesTheDefaultStorageClass() {
        JsonNode ebs = addon("aws-ebs-csi-driver");
        assertThat(ebs.path("useDefaultPodIdentityAssociations").asBoolean()).isTrue();
        JsonNode values = Yaml.parse(ebs.path("configurationValues").asText());
        assertThat(values.path("defaultStorageClass").path("enabled").asBoolean())
                .as("the Dapr scheduler's volume claims name no StorageClass").isTrue();
    }

    @Test
    void theDefaultNameAndRegionAreTheScriptsDefaults(StandInMachine machine) {
        Execution dryRun = machine.run("bootstrap/up", "--dry-run");

        assertThat(Plan.of(dryRun).lines()).anyMatch(line -> line.contains(
                "{\"metadata\":{\"name\":\"" + config.path("metadata").path("name").asText() + "\",\"region\":\""
                        + config.path("metadata").path("region").asText() + "\"}}"));
        assertThat(config.path("metadata").path("name").asText()).isEqualTo("dapr-demo");
        assertThat(config.path("metadata").path("region").asText()).isEqualTo("us-west-2");
    }

    private JsonNode addon(String name) {
        for (JsonNode addon : config.path("addons")) {
            if (addon.path("name").asText().equals(name)) {
                return addon;
            }
        }
        throw new AssertionError("no addon " + name + " in bootstrap/cluster.yaml");
    }
}
