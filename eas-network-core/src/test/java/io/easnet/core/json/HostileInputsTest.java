package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.easnet.core.InvalidInputException;
import io.easnet.core.model.ServiceSpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that cannot hurt: each test stands for a family of hostile inputs to the service JSON and
 * snapshot readers. Every one names the pointer and the fix, and none leaks a Jackson or JDK internal.
 */
class HostileInputsTest {

  private static AbstractThrowableAssert<?, ?> service(String json) {
    return assertThatThrownBy(() -> ServiceDocument.parse(json, "service.json"))
        .isInstanceOf(InvalidInputException.class);
  }

  private static AbstractThrowableAssert<?, ?> snapshot(String json) {
    return assertThatThrownBy(() -> SnapshotJson.parse(json, "snapshot.json"))
        .isInstanceOf(InvalidInputException.class);
  }

  private static String pointer(Throwable t) {
    return ((InvalidInputException) t).pointer();
  }

  // ---------------------------------------------------------------- 1: counts no EAS service can have

  @Test
  void instanceCountAboveTheMaximumIsRejectedAtItsPointer() {
    service("{\"metadata\": {\"name\": \"s\", \"instance\": 2147483647}}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/metadata/instance"))
        .hasMessageContaining("2147483647")
        .hasMessageContaining("0 to " + String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES));
  }

  @Test
  void instanceCountBeyondLongIsRejectedWithTheRealRange() {
    service("{\"metadata\": {\"name\": \"s\", \"instance\": 99999999999999999999999}}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/metadata/instance"))
        .hasMessageContaining("0 to " + String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES))
        .hasMessageNotContaining("2147483647");
  }

  @Test
  void surgeCountAboveTheMaximumIsRejectedAtItsPointer() {
    service("{\"metadata\": {\"name\": \"s\", \"instance\": 300, \"rolling_strategy\": {\"max_surge\": 2147483647}}}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/metadata/rolling_strategy/max_surge"))
        .hasMessageContaining("0 to " + String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES));
  }

  @Test
  void autoscalerMaximumAboveTheMaximumIsRejectedAtItsPointer() {
    service("{\"metadata\": {\"name\": \"s\"}, \"autoscaler\": {\"min\": 1, \"max\": 30000000}}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/autoscaler/max"))
        .hasMessageContaining("30000000");
  }

  @Test
  void surgePercentageAboveAHundredIsRejectedAtItsPointer() {
    service("{\"metadata\": {\"name\": \"s\", \"rolling_strategy\": {\"max_surge\": \"2147483647%\"}}}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/metadata/rolling_strategy/max_surge"))
        .hasMessageContaining("100%");
  }

  // ---------------------------------------------------------------- 4: size

  @Test
  void fileAboveTheMaximumSizeIsRejectedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.json");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(SnapshotJson.MAX_INPUT_BYTES + 1);
    }
    assertThatThrownBy(() -> SnapshotJson.read(big)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(big.toString())
        .hasMessageContaining("64 MiB");
    // a service JSON is bounded far lower: a few kilobytes in practice
    assertThatThrownBy(() -> ServiceDocument.read(big)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(big.toString())
        .hasMessageContaining("4 MiB");
  }

  // ---------------------------------------------------------------- 5: lone surrogates

  @Test
  void loneSurrogateInAValueIsRejectedAtReadTimeWithItsPointer() {
    service("{\"metadata\": {\"name\": \"a\\ud800\"}}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/metadata/name"))
        .hasMessageContaining("surrogate");
    service("{\"metadata\": {\"name\": \"a\\udc00b\"}}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/metadata/name"));
    service("{\"metadata\": {\"name\": \"s\"}, \"labels\": [\"x\", \"\\ud83d\"]}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/labels/1"));
  }

  @Test
  void loneSurrogateInAKeyIsRejectedWithItsPointer() {
    snapshot("{\"schemaVersion\": 1, \"vpcs\": [{\"\\udfff\": 1}]}")
        .satisfies(t -> assertThat(pointer(t)).startsWith("/vpcs/0"))
        .hasMessageContaining("surrogate");
  }

  @Test
  void surrogatePairIsAccepted() {
    assertThat(ServiceDocument.parse("{\"metadata\": {\"name\": \"a\\ud83d\\ude00\"}}", null).spec().name())
        .isEqualTo("a\uD83D\uDE00");
  }

  // ---------------------------------------------------------------- 7: states the cloud cannot produce (read errors)

  private static final String VPC = "{\"id\": \"vpc-a\", \"cidrBlock\": \"192.168.0.0/16\"}";

  @Test
  void availableAddressCountAboveTheUsableCountIsAReadError() {
    snapshot("{\"schemaVersion\": 1, \"vSwitches\": [{\"id\": \"vsw-a\", \"vpcId\": \"vpc-a\","
        + " \"cidrBlock\": \"192.168.1.0/24\", \"availableIpAddressCount\": 253}]}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/vSwitches/0/availableIpAddressCount"))
        .hasMessageContaining("252");
  }

  @Test
  void tcpOrUdpRuleWithoutAPortRangeIsAReadError() {
    for (String protocol : new String[] {"tcp", "udp"}) {
      snapshot("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\": ["
          + "{\"direction\": \"ingress\", \"protocol\": \"" + protocol + "\", \"peerCidr\": \"10.0.0.0/8\"}]}]}")
          .satisfies(t -> assertThat(pointer(t)).isEqualTo("/securityGroups/0/rules/0/portRange"))
          .hasMessageContaining("portRange");
    }
  }

  @Test
  void privateAddressAsAnEipIsAReadError() {
    for (String ip : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "127.0.0.1"}) {
      snapshot("{\"schemaVersion\": 1, \"eips\": [{\"id\": \"eip-a\", \"ipAddress\": \"" + ip + "\"}]}")
          .satisfies(t -> assertThat(pointer(t)).isEqualTo("/eips/0/ipAddress"))
          .hasMessageContaining("not a public address");
    }
  }

  @Test
  void twoRoutesToOneDestinationInOneTableAreAReadError() {
    snapshot("{\"schemaVersion\": 1, \"routeTables\": [{\"id\": \"vtb-a\", \"vpcId\": \"vpc-a\", \"entries\": ["
        + "{\"destination\": \"0.0.0.0/0\", \"nextHopType\": \"NatGateway\", \"nextHopId\": \"ngw-a\"},"
        + "{\"destination\": \"0.0.0.0/0\", \"nextHopType\": \"NatGateway\", \"nextHopId\": \"ngw-b\"}]}]}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/routeTables/0/entries/1/destination"))
        .hasMessageContaining("/routeTables/0/entries/0");
  }

  @Test
  void duplicateAllowlistGroupNamesAreAReadError() {
    snapshot("{\"schemaVersion\": 1, \"rdsInstances\": [{\"id\": \"rm-a\", \"allowlists\": ["
        + "{\"name\": \"default\", \"entries\": [\"10.0.0.0/8\"]}, {\"name\": \"default\", \"entries\": []}]}]}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/rdsInstances/0/allowlists/1/name"))
        .hasMessageContaining("default");
  }

  @Test
  void impossibleStatesDoNotHideInAValidVpc() {
    assertThat(SnapshotJson.parse("{\"schemaVersion\": 1, \"vpcs\": [" + VPC + "]}", null).inventory().vpcs())
        .hasSize(1);
  }

  // ---------------------------------------------------------------- 8: round trip keeps what the user wrote

  @Test
  void roundTripKeepsNegativeZeroAndEscapesAsWritten() {
    String json = "{\n  \"metadata\": {\n    \"name\": \"caf\\u00e9\",\n    \"instance\": 1\n  },\n"
        + "  \"url\": \"http:\\/\\/example.com\\/a\",\n  \"smile\": \"\\ud83d\\ude00\",\n  \"zero\": -0,\n"
        + "  \"tab\": \"a\\tb\",\n  \"plain\": \"é\"\n}\n";
    ServiceDocument doc = ServiceDocument.parse(json, null);
    assertThat(doc.toJson()).isEqualTo(json);
    assertThat(doc.spec().name()).isEqualTo("café");
    assertThat(doc.tree().get("zero").intValue()).isZero();
  }

  @Test
  void editedDocumentKeepsTheEscapesOfTheUntouchedValues() {
    String json = "{\"metadata\": {\"name\": \"caf\\u00e9\"}, \"cloud\": {\"networking\": {\"vpc_id\": \"vpc-a\","
        + " \"vswitch_id\": \"vsw-a\", \"security_group_id\": \"sg-a\"}}}";
    ServiceDocument edited = ServiceDocument.parse(json, null).withoutNetworking();
    assertThat(edited.toJson()).contains("\"caf\\u00e9\"");
  }

  @Test
  void snapshotWriteKeepsTheSchemaKey() {
    String json = "{\"$schema\": \"./snapshot-v1.schema.json\", \"schemaVersion\": 1}";
    Snapshot s = SnapshotJson.parse(json, null);
    assertThat(SnapshotJson.toJson(s)).startsWith("{\n  \"$schema\": \"./snapshot-v1.schema.json\",\n"
        + "  \"schemaVersion\": 1");
    assertThat(SnapshotJson.parse(SnapshotJson.toJson(s), null)).isEqualTo(s);
  }

  @Test
  void snapshotServicesKeepTheirEscapes() {
    String json = "{\"schemaVersion\": 1, \"services\": [{\"metadata\": {\"name\": \"caf\\u00e9\", \"x\": -0}}]}";
    assertThat(SnapshotJson.toJson(SnapshotJson.parse(json, null)))
        .contains("\"caf\\u00e9\"").contains("\"x\": -0");
  }

  // ---------------------------------------------------------------- 9: messages

  @Test
  void tooDeepNestingIsExplainedWithoutJacksonInternals() {
    String deep = "[".repeat(1000) + "]".repeat(1000);
    assertThatThrownBy(() -> ServiceDocument.parse(deep, "service.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nest")
        .hasMessageContaining("400")
        .hasMessageNotContaining("StreamReadConstraints")
        .hasMessageNotContaining("`");
  }

  @Test
  void nonNumericNumbersAreExplainedWithoutJacksonInternals() {
    for (String token : new String[] {"NaN", "Infinity", "-Infinity"}) {
      service("{\"metadata\": {\"name\": \"s\", \"cpu\": " + token + "}}")
          .hasMessageContaining(token)
          .hasMessageNotContaining("JsonReadFeature")
          .hasMessageNotContaining("`");
    }
  }

  @Test
  void byteOrderMarkIsNamedAsSuch(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bom.json");
    byte[] body = "{\"metadata\": {\"name\": \"s\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(f, withBom);
    assertThatThrownBy(() -> ServiceDocument.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("byte-order mark");
    assertThatThrownBy(() -> ServiceDocument.parse("\uFEFF{}", "x.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("byte-order mark");
  }

  @Test
  void invalidUtf8IsNamedWithItsPosition(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.json");
    Files.write(f, "{\"metadata\": {\"name\": \"caf\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ServiceDocument.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("Input length");
  }

  @Test
  void nullValueIsCalledNullNotMissing() {
    snapshot("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": null, \"cidrBlock\": \"10.0.0.0/8\"}]}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/vpcs/0/id"))
        .hasMessageContaining("null")
        .hasMessageNotContaining("missing");
  }

  @Test
  void controlCharactersOfUserInputAreEscapedInMessages() {
    snapshot("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\", \"cidrBlock\": \"10.0.0.0/8\","
        + " \"\\u001b[2J\\u001b[31mevil\": 1}]}")
        .satisfies(t -> {
          assertThat(t.getMessage()).doesNotContain("\u001b");
          assertThat(t.getMessage()).contains("\\u001b[2J");
          assertThat(((InvalidInputException) t).problem()).doesNotContain("\u001b");
        });
  }

  @Test
  void countsOutOfRangeGiveTheRealRange() {
    snapshot("{\"schemaVersion\": 1, \"rdsInstances\": [{\"id\": \"rm-a\", \"port\": 99999999999}]}")
        .satisfies(t -> assertThat(pointer(t)).isEqualTo("/rdsInstances/0/port"))
        .hasMessageContaining("1 to 65535")
        .hasMessageNotContaining("2147483647");
  }

  @Test
  void trailingContentIsRejected() {
    service("{\"metadata\": {\"name\": \"s\"}} {}").hasMessageContaining("after the end");
    assertThatThrownBy(() -> ServiceDocument.parse("{\"metadata\": {\"name\": \"s\"}} x", null))
        .asInstanceOf(type(InvalidInputException.class)).extracting(InvalidInputException::problem)
        .asString().doesNotContain("`");
  }
}
