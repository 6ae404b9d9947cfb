package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.easnet.core.InvalidInputException;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceDocumentErrorTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> parsing(String json) {
    return assertThatThrownBy(() -> ServiceDocument.parse(json, "service.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("service.json at ");
  }

  private static void assertPointer(String json, String pointer, String fragment) {
    parsing(json)
        .hasMessageContaining(fragment)
        .hasMessageContaining(" Fix: ")
        .asInstanceOf(type(InvalidInputException.class))
        .satisfies(e -> {
          assertThat(e.pointer()).isEqualTo(pointer);
          assertThat(e.source()).hasValue("service.json");
        });
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    parsing("{\n  \"metadata\": {\n    \"name\": \"a\",\n  }\n}")
        .hasMessageContaining("malformed JSON at line 4, column 3");
  }

  @Test
  void truncatedJsonIsMalformed() {
    parsing("{\"metadata\": {\"name\": \"a\"").hasMessageContaining("malformed JSON");
  }

  @Test
  void trailingContentIsMalformed() {
    parsing("{\"metadata\": {\"name\": \"a\"}} {}").hasMessageContaining("after the end of the document");
  }

  @Test
  void emptyTextIsRejected() {
    parsing("  ").hasMessageContaining("the document is empty");
  }

  @Test
  void aNonObjectRootIsRejected() {
    assertPointer("[1, 2]", "", "must be an object but this is an array");
  }

  @Test
  void duplicateKeysNameTheirPointer() {
    assertPointer("{\"metadata\": {\"name\": \"a\", \"instance\": 1, \"instance\": 2}}", "/metadata/instance",
        "the key \"instance\" appears twice");
  }

  @Test
  void duplicateKeysWithSpecialCharactersAreEscapedInThePointer() {
    assertPointer("{\"metadata\": {\"name\": \"a\"}, \"labels\": {\"a/b~c\": 1, \"a/b~c\": 2}}", "/labels/a~1b~0c",
        "appears twice");
  }

  @Test
  void missingMetadataIsRejected() {
    assertPointer("{\"name\": \"a\"}", "/metadata", "the required section \"metadata\" is missing");
  }

  @Test
  void metadataOfTheWrongTypeIsRejected() {
    assertPointer("{\"metadata\": [\"a\"]}", "/metadata", "expected an object but found an array");
  }

  @Test
  void missingNameIsRejected() {
    assertPointer("{\"metadata\": {\"instance\": 1}}", "/metadata/name", "the service has no name");
  }

  @Test
  void blankNameIsRejected() {
    assertPointer("{\"metadata\": {\"name\": \"  \"}}", "/metadata/name", "blank");
  }

  @Test
  void differingNamesNameBothPointers() {
    assertPointer("{\"name\": \"old\", \"metadata\": {\"name\": \"new\"}}", "/metadata/name",
        "metadata.name \"new\" (/metadata/name) and the legacy top-level name \"old\" (/name) differ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"metadata\": {\"name\": \"a\", \"instance\": \"two\"}}|/metadata/instance|expected a whole number but found the string \"two\"",
      "{\"metadata\": {\"name\": \"a\", \"instance\": 1.5}}|/metadata/instance|expected a whole number but found the number 1.5",
      "{\"metadata\": {\"name\": \"a\", \"instance\": 99999999999}}|/metadata/instance|out of range",
      "{\"metadata\": {\"name\": \"a\", \"instance\": -1}}|/metadata/instance|negative",
      "{\"metadata\": {\"name\": 7}}|/metadata/name|expected a string but found the number 7",
      "{\"metadata\": {\"name\": \"a\", \"memory\": \"8G\"}}|/metadata/memory|expected a whole number",
      "{\"metadata\": {\"name\": \"a\", \"cpu\": -2}}|/metadata/cpu|negative",
      "{\"metadata\": {\"name\": \"a\", \"workspace_id\": true}}|/metadata/workspace_id|expected a string but found true",
      "{\"metadata\": {\"name\": \"a\", \"resource\": \"rg-1\"}}|/metadata/resource|it must start with \"eas-r-\"",
      "{\"metadata\": {\"name\": \"a\"}, \"cloud\": []}|/cloud|expected an object",
      "{\"metadata\": {\"name\": \"a\"}, \"cloud\": {\"networking\": \"vpc-1\"}}|/cloud/networking|expected an object",
      "{\"metadata\": {\"name\": \"a\"}, \"cloud\": {\"networking\": {\"vswitch_id\": \"vpc-1\"}}}|/cloud/networking/vswitch_id|\"vpc-1\" is not a vSwitch id",
      "{\"metadata\": {\"name\": \"a\"}, \"cloud\": {\"networking\": {\"vpc_id\": \"vpc-UPPER\"}}}|/cloud/networking/vpc_id|is not a valid VPC id",
      "{\"metadata\": {\"name\": \"a\"}, \"cloud\": {\"networking\": {\"security_group_id\": 12}}}|/cloud/networking/security_group_id|expected a string",
      "{\"metadata\": {\"name\": \"a\"}, \"cloud\": {\"computing\": {\"instances\": {\"type\": \"x\"}}}}|/cloud/computing/instances|expected an array",
      "{\"metadata\": {\"name\": \"a\"}, \"cloud\": {\"computing\": {\"instances\": [\"ecs.c7.large\"]}}}|/cloud/computing/instances/0|expected an object",
      "{\"metadata\": {\"name\": \"a\"}, \"containers\": [{\"port\": \"8000\"}]}|/containers/0/port|expected a whole number",
      "{\"metadata\": {\"name\": \"a\"}, \"containers\": [{\"port\": 70000}]}|/containers/0/port|outside 1 to 65535",
      "{\"metadata\": {\"name\": \"a\"}, \"containers\": [{}, {\"image\": 3}]}|/containers/1/image|expected a string",
      "{\"metadata\": {\"name\": \"a\"}, \"autoscaler\": {\"min\": 5, \"max\": 2}}|/autoscaler/max|below autoscaler.min",
      "{\"metadata\": {\"name\": \"a\"}, \"autoscaler\": {\"max\": 2}}|/autoscaler/min|sets max but not min",
      "{\"metadata\": {\"name\": \"a\", \"rolling_strategy\": {\"max_surge\": \"lots\"}}}|/metadata/rolling_strategy/max_surge|neither a count",
      "{\"metadata\": {\"name\": \"a\", \"rolling_strategy\": {\"max_surge\": true}}}|/metadata/rolling_strategy/max_surge|expected a count",
      "{\"metadata\": {\"name\": \"a\"}, \"storage\": [{\"oss\": \"oss://b/\"}]}|/storage/0/oss|expected an object",
      "{\"metadata\": {\"name\": \"a\"}, \"storage\": [{\"nfs\": {\"server\": 1}}]}|/storage/0/nfs/server|expected a string",
  })
  void wrongValuesNameTheirPointer(String json, String pointer, String fragment) {
    assertPointer(json, pointer, fragment);
  }

  @Test
  void aNumberTooLargeForBigDecimalIsRejected() {
    parsing("{\"metadata\": {\"name\": \"a\"}, \"x\": 1e99999999999}").hasMessageContaining("/x");
  }

  @Test
  void deepNestingIsRejectedNotOverflowed() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    parsing("{\"metadata\": {\"name\": \"a\"}, \"x\": " + deep + "}").hasMessageContaining("malformed JSON");
  }

  @Test
  void aMissingFileIsBadInputNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> ServiceDocument.read(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void nullTextIsBadInput() {
    assertThatThrownBy(() -> ServiceDocument.parse(null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("input at /");
  }
}
