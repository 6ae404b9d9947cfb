package io.easnet.core.json;

import static io.easnet.core.json.JsonTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import org.junit.jupiter.api.Test;

class ServiceDocumentEditTest {
  private static final ServiceNetworking REAL =
      ServiceNetworking.of("vpc-bp1real0000000001", "vsw-bp1real0000000002", "sg-bp1real0000000003");

  @Test
  void withNetworkingReplacesTheThreeKeysInPlace() {
    ServiceDocument seed = ServiceDocument.parse(resource("service/seed-example.json"), "seed.json");

    ServiceDocument edited = seed.withNetworking(REAL);

    assertThat(edited.spec().networking()).hasValue(REAL);
    assertThat(edited.toJson()).isEqualTo(seed.toJson()
        .replace("vpc-bp1uepgqtar*****", "vpc-bp1real0000000001")
        .replace("vsw-bp1glkxase*****", "vsw-bp1real0000000002")
        .replace("sg-bp1brugkivv*****", "sg-bp1real0000000003"));
    assertThat(seed.spec().networking().get().vpcId().get().value()).isEqualTo("vpc-bp1uepgqtar*****");
    assertThat(edited.source()).hasValue("seed.json");
  }

  @Test
  void withNetworkingKeepsUnknownKeysOfTheBlockAndOfTheDocument() {
    ServiceDocument full = ServiceDocument.parse(resource("service/full-unmodelled.json"), "f.json");

    ServiceDocument edited = full.withNetworking(REAL);

    assertThat(edited.tree().at("/cloud/networking/default_route").textValue()).isEqualTo("eth1");
    assertThat(edited.tree().at("/cloud/networking").fieldNames()).toIterable()
        .containsExactly("vpc_id", "vswitch_id", "security_group_id", "default_route", "destination_cidrs");
    assertThat(edited.toJson()).contains("\"max_batch_timeout\": 1.50", "\"scaleStrategies\"");
    assertThat(edited.withNetworking(full.spec().networking().get())).isEqualTo(full);
  }

  @Test
  void withNetworkingCreatesCloudRightAfterMetadata() {
    ServiceDocument doc = ServiceDocument.parse(
        "{\"name\":\"x\",\"metadata\":{\"name\":\"x\"},\"containers\":[{\"image\":\"i\"}]}", null);

    ServiceDocument edited = doc.withNetworking(REAL);

    assertThat(edited.tree().fieldNames()).toIterable().containsExactly("name", "metadata", "cloud", "containers");
    assertThat(edited.tree().at("/cloud/networking").fieldNames()).toIterable()
        .containsExactly("vpc_id", "vswitch_id", "security_group_id");
    assertThat(edited.spec().networking()).hasValue(REAL);
  }

  @Test
  void withNetworkingAppendsTheBlockAfterComputing() {
    ServiceDocument doc = ServiceDocument.parse(
        "{\"metadata\":{\"name\":\"x\"},\"cloud\":{\"computing\":{\"instance_type\":\"ecs.c7.large\"}}}", null);

    ServiceDocument edited = doc.withNetworking(REAL);

    assertThat(edited.tree().at("/cloud").fieldNames()).toIterable().containsExactly("computing", "networking");
  }

  @Test
  void withNetworkingReplacesANullBlockInPlace() {
    ServiceDocument doc = ServiceDocument.parse(
        "{\"metadata\":{\"name\":\"x\"},\"cloud\":{\"networking\":null,\"computing\":{}}}", null);

    ServiceDocument edited = doc.withNetworking(REAL);

    assertThat(edited.tree().at("/cloud").fieldNames()).toIterable().containsExactly("networking", "computing");
    assertThat(edited.spec().networking()).hasValue(REAL);
  }

  @Test
  void aPartialBlockRemovesTheKeysItLeavesUnset() {
    ServiceDocument seed = ServiceDocument.parse(resource("service/seed-example.json"), "seed.json");

    ServiceDocument edited = seed.withNetworking(ServiceNetworking.builder().vpcId("vpc-only1").build());

    assertThat(edited.tree().at("/cloud/networking").fieldNames()).toIterable().containsExactly("vpc_id");
    assertThat(edited.spec().networking().get().missingKeys()).containsExactly("vswitch_id", "security_group_id");
  }

  @Test
  void withoutNetworkingRemovesTheBlockAndKeepsComputing() {
    ServiceDocument seed = ServiceDocument.parse(resource("service/seed-example.json"), "seed.json");

    ServiceDocument edited = seed.withoutNetworking();

    assertThat(edited.spec().networking()).isEmpty();
    assertThat(edited.tree().at("/cloud").fieldNames()).toIterable().containsExactly("computing");
    assertThat(edited.spec().instanceTypes()).containsExactly("ecs.gn6e-c12g1.3xlarge");
  }

  @Test
  void withoutNetworkingRemovesCloudWhenNothingIsLeft() {
    ServiceDocument doc = ServiceDocument.parse("{\"metadata\":{\"name\":\"x\"}}", null);

    ServiceDocument roundTrip = doc.withNetworking(REAL).withoutNetworking();

    assertThat(roundTrip).isEqualTo(doc);
    assertThat(doc.withoutNetworking()).isEqualTo(doc);
  }

  @Test
  void nullNetworkingIsRejected() {
    ServiceDocument doc = ServiceDocument.parse("{\"metadata\":{\"name\":\"x\"}}", null);

    assertThatThrownBy(() -> doc.withNetworking(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withoutNetworking");
  }

  @Test
  void theTreeIsACopy() {
    ServiceDocument doc = ServiceDocument.parse("{\"metadata\":{\"name\":\"x\"}}", null);

    ((ObjectNode) doc.tree()).put("mutated", true);

    assertThat(doc.toJson()).doesNotContain("mutated");
  }
}
