package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.easnet.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schema shipped in the jar accepts what the reader accepts and the writer writes, and rejects the rest. */
class SnapshotSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path TEST_SNAPSHOTS = Path.of("src", "test", "resources", "json", "snapshot");
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = SnapshotJson.class.getResourceAsStream(SnapshotJson.SCHEMA_RESOURCE)) {
      assertThat(in).as("schema on the classpath at %s", SnapshotJson.SCHEMA_RESOURCE).isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  static Stream<Path> validSnapshots() throws IOException {
    return Stream.concat(Stream.of(Path.of("..", "examples", "snapshot.json")), list(TEST_SNAPSHOTS.resolve("valid")));
  }

  static Stream<Path> invalidSnapshots() throws IOException {
    return list(TEST_SNAPSHOTS.resolve("invalid"));
  }

  private static Stream<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> out = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertThat(out).isNotEmpty();
      return out.stream();
    }
  }

  private static Set<ValidationMessage> validate(String json) throws IOException {
    JsonNode node = MAPPER.readTree(json);
    return schema.validate(node);
  }

  @ParameterizedTest
  @MethodSource("validSnapshots")
  void everyExampleSnapshotIsValidAndReadable(Path file) throws IOException {
    Set<ValidationMessage> errors = validate(Files.readString(file));

    assertThat(errors).as("schema errors in %s", file).isEmpty();
    assertThat(SnapshotJson.read(file).schemaVersion()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("invalidSnapshots")
  void everyInvalidSnapshotFailsTheSchemaAndTheReader(Path file) throws IOException {
    Set<ValidationMessage> errors = validate(Files.readString(file));

    assertThat(errors).as("schema errors in %s", file).isNotEmpty();
    assertThatThrownBy(() -> SnapshotJson.read(file)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void whatTheWriterWritesIsValid() throws IOException {
    Snapshot rich = Snapshot.builder()
        .inventory(SnapshotJsonTest.richEstate())
        .addService(ServiceDocument.parse(JsonTestSupport.resource("service/full-unmodelled.json"), "f.json"))
        .build();

    assertThat(validate(SnapshotJson.toJson(rich))).isEmpty();
  }

  @Test
  void anUnknownKeyIsReportedByTheSchema() throws IOException {
    Set<ValidationMessage> errors = validate("{\"schemaVersion\": 1, \"vswitches\": []}");

    assertThat(errors).extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m).contains("vswitches"));
  }

  @Test
  void aTcpRuleWithoutPortRangeIsReportedByTheSchemaAsByTheReader() throws IOException {
    String rule = "{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\", \"protocol\": \"%s\", \"peerCidr\": \"10.0.0.0/8\"}]}]}";

    assertThat(validate(String.format(rule, "tcp"))).extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("portRange"));
    assertThat(validate(String.format(rule, "icmp"))).isEmpty();
  }

  @Test
  void aWrongVersionIsReportedByTheSchema() throws IOException {
    Set<ValidationMessage> errors = validate("{\"schemaVersion\": 2}");

    assertThat(errors).extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("schemaVersion"));
  }

  @Test
  void theSchemaTextIsAvailableFromTheApiAndDocumentsEveryTopLevelKey() throws IOException {
    JsonNode text = MAPPER.readTree(SnapshotJson.schemaJson());

    assertThat(text.at("/$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(text.at("/properties").fieldNames()).toIterable().contains("schemaVersion", "vpcs", "vSwitches",
        "securityGroups", "natGateways", "snatEntries", "eips", "routeTables", "ecsInstances", "rdsInstances",
        "redisInstances", "resourceGroups", "services");
    text.at("/properties").forEach(p -> assertThat(p.has("description")).isTrue());
  }
}
