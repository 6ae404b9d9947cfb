package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, "The inbound side of the service JSON": the top-level {@code networking} keys ({@code gateway},
 * {@code disable_internet_endpoint}) and {@code cloud.networking.default_route} / {@code destination_cidrs} are read
 * into the typed view, written by {@link ServiceDocument#from}, kept by every edit, and bad values are refused with
 * their pointer.
 */
class InboundKeysTest {
  private static final String DOC = """
      {
        "metadata": {"name": "svc", "instance": 1},
        "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a",
          "default_route": "eth1", "destination_cidrs": "10.0.0.0/8, 172.16.0.0/12", "vswitch_owner": "123"}},
        "networking": {"gateway": "gw-1uhcqmsc7x22", "disable_internet_endpoint": true, "path": "/api/x",
          "nlb": [{"id": "default"}]},
        "autoscaler": {"min": 1, "max": 4}
      }
      """;

  @Test
  void theInboundKeysAreRead() {
    ServiceSpec spec = ServiceDocument.parse(DOC, "svc.json").spec();
    ServiceNetworking n = spec.networking().orElseThrow();
    assertThat(n.defaultRoute()).contains("eth1");
    assertThat(n.defaultRouteThroughVpc()).isTrue();
    assertThat(n.destinationCidrs()).containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"));
    assertThat(n.isComplete()).isTrue();
    ServiceSpec.Invocation inv = spec.invocation().orElseThrow();
    assertThat(inv.gateway()).contains("gw-1uhcqmsc7x22");
    assertThat(inv.dedicatedGateway()).isTrue();
    assertThat(inv.disableInternetEndpoint()).contains(true);
    assertThat(inv.internetEndpointOn()).isFalse();
  }

  @Test
  void destinationCidrsMayBeAnArrayAndTheFlagAString() {
    ServiceSpec spec = ServiceDocument.parse("""
        {"metadata": {"name": "svc"},
         "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a",
           "destination_cidrs": ["192.168.0.0/24"]}},
         "networking": {"disable_internet_endpoint": "false"}}
        """, "svc.json").spec();
    assertThat(spec.networking().orElseThrow().destinationCidrs()).containsExactly(Cidr.parse("192.168.0.0/24"));
    assertThat(spec.invocation().orElseThrow().internetEndpointOn()).isTrue();
    assertThat(spec.invocation().orElseThrow().dedicatedGateway()).isFalse();
  }

  @Test
  void absentEmptyAndNullMeanNotSet() {
    ServiceSpec spec = ServiceDocument.parse("""
        {"metadata": {"name": "svc"},
         "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a",
           "default_route": "", "destination_cidrs": ""}},
         "networking": {"gateway": "", "disable_internet_endpoint": null, "path": "/p"}}
        """, "svc.json").spec();
    assertThat(spec.networking().orElseThrow().defaultRoute()).isEmpty();
    assertThat(spec.networking().orElseThrow().destinationCidrs()).isEmpty();
    assertThat(spec.invocation()).isEmpty();
  }

  @Test
  void everythingIsKeptOnWriteAndOnEdit() {
    ServiceDocument doc = ServiceDocument.parse(DOC, "svc.json");
    ServiceDocument again = ServiceDocument.parse(doc.toJson(), "svc.json");
    assertThat(again.toJson()).isEqualTo(doc.toJson());
    assertThat(again.spec()).isEqualTo(doc.spec());
    assertThat(doc.toJson()).contains("\"vswitch_owner\": \"123\"", "\"path\": \"/api/x\"", "\"nlb\"");

    // a plan's SetNetworking builds the block from the three ids: the routes the user wrote stay
    ServiceDocument edited = doc.withNetworking(ServiceNetworking.of("vpc-b", "vsw-b", "sg-b"));
    assertThat(edited.spec().networking().orElseThrow().destinationCidrs())
        .isEqualTo(doc.spec().networking().orElseThrow().destinationCidrs());
    assertThat(edited.spec().networking().orElseThrow().defaultRoute()).contains("eth1");
    assertThat(edited.spec().invocation()).isEqualTo(doc.spec().invocation());
    assertThat(edited.toJson()).contains("\"path\": \"/api/x\"", "\"vswitch_owner\": \"123\"");

    // a block that sets them replaces them
    ServiceDocument replaced = doc.withNetworking(ServiceNetworking.of("vpc-b", "vsw-b", "sg-b").toBuilder()
        .defaultRoute("eth0").addDestinationCidrs(Cidr.parse("10.1.0.0/16")).build());
    assertThat(replaced.spec().networking().orElseThrow().destinationCidrs())
        .containsExactly(Cidr.parse("10.1.0.0/16"));
    assertThat(replaced.spec().networking().orElseThrow().defaultRoute()).contains("eth0");
  }

  @Test
  void fromSpecWritesTheInboundKeys() {
    ServiceSpec spec = ServiceSpec.builder().name("svc")
        .networking(ServiceNetworking.of("vpc-a", "vsw-a", "sg-a").toBuilder().defaultRoute("eth1")
            .addDestinationCidrs(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.0.0/16")).build())
        .invocation(new ServiceSpec.Invocation(Optional.of("gw-1"), Optional.of(true)))
        .build();
    ServiceDocument doc = ServiceDocument.from(spec);
    assertThat(doc.spec()).isEqualTo(spec);
    assertThat(doc.toJson()).contains("\"destination_cidrs\": \"10.0.0.0/8,192.168.0.0/16\"",
        "\"default_route\": \"eth1\"", "\"gateway\": \"gw-1\"", "\"disable_internet_endpoint\": true");
  }

  @Test
  void badValuesAreRefusedWithTheirPointer() {
    assertRefused("\"cloud\": {\"networking\": {\"vpc_id\": \"vpc-a\", \"vswitch_id\": \"vsw-a\","
        + " \"security_group_id\": \"sg-a\", \"destination_cidrs\": \"10.0.0.0/8,10.0.0.0/33\"}}",
        "/cloud/networking/destination_cidrs");
    assertRefused("\"cloud\": {\"networking\": {\"vpc_id\": \"vpc-a\", \"vswitch_id\": \"vsw-a\","
        + " \"security_group_id\": \"sg-a\", \"destination_cidrs\": \"10.0.0.0/8,,10.1.0.0/16\"}}",
        "/cloud/networking/destination_cidrs");
    assertRefused("\"cloud\": {\"networking\": {\"vpc_id\": \"vpc-a\", \"vswitch_id\": \"vsw-a\","
        + " \"security_group_id\": \"sg-a\", \"destination_cidrs\": [\"10.0.0.0/8\", 7]}}",
        "/cloud/networking/destination_cidrs/1");
    assertRefused("\"cloud\": {\"networking\": {\"vpc_id\": \"vpc-a\", \"vswitch_id\": \"vsw-a\","
        + " \"security_group_id\": \"sg-a\", \"default_route\": 1}}", "/cloud/networking/default_route");
    assertRefused("\"networking\": {\"disable_internet_endpoint\": \"yes\"}", "/networking/disable_internet_endpoint");
    assertRefused("\"networking\": {\"gateway\": 12}", "/networking/gateway");
    assertRefused("\"networking\": [\"gw-1\"]", "/networking");
  }

  @Test
  void destinationCidrsAreBounded() {
    String many = String.join(",", java.util.stream.IntStream.range(0, 1001)
        .mapToObj(i -> "10." + (i / 256) + "." + (i % 256) + ".0/24").toList());
    assertThatThrownBy(() -> ServiceDocument.parse("{\"metadata\": {\"name\": \"svc\"}, \"cloud\": {\"networking\":"
        + " {\"vpc_id\": \"vpc-a\", \"vswitch_id\": \"vsw-a\", \"security_group_id\": \"sg-a\","
        + " \"destination_cidrs\": \"" + many + "\"}}}", "svc.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/cloud/networking/destination_cidrs")
        .hasMessageContaining("more than 1000");
  }

  @Test
  void misspeltInboundKeysAreNearMissesAndTheDocumentedOnesAreNot() {
    ServiceDocument doc = ServiceDocument.parse("""
        {"metadata": {"name": "svc"},
         "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a",
           "destination_cidr": "10.0.0.0/8", "default_route": "eth1"}},
         "networking": {"disable_internet_endpiont": true, "gateway": "gw-1", "gateway_policy": "x"}}
        """, "svc.json");
    assertThat(doc.nearMisses()).extracting(ServiceDocument.NearMiss::pointer, ServiceDocument.NearMiss::nearest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/cloud/networking/destination_cidr", "destination_cidrs"),
            org.assertj.core.groups.Tuple.tuple("/networking/disable_internet_endpiont",
                "disable_internet_endpoint"));
    assertThat(doc.spec().invocation().orElseThrow().disableInternetEndpoint()).isEmpty();
  }

  private static void assertRefused(String section, String pointer) {
    String json = "{\"metadata\": {\"name\": \"svc\"}, " + section + "}";
    assertThatThrownBy(() -> ServiceDocument.parse(json, "svc.json"))
        .as(json)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("svc.json")
        .hasMessageContaining(pointer);
  }
}
