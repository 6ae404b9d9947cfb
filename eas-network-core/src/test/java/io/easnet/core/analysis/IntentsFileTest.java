package io.easnet.core.analysis;

import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.internal.IntentSyntax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.plan.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentsFileTest {
  private static SchemaCheck schema;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    schema = SchemaCheck.load(IntentsFile.SCHEMA_RESOURCE);
  }

  private Path service(String relative, String name) throws Exception {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "{\"metadata\": {\"name\": \"" + name + "\", \"instance\": 1}, \"cloud\": {\"networking\": {\"vpc_id\": \"vpc-a\","
        + " \"vswitch_id\": \"vsw-a\", \"security_group_id\": \"sg-eas\"}}}\n");
    return f;
  }

  private Path intents(String json) throws Exception {
    Path sub = dir.resolve("conf");
    Files.createDirectories(sub);
    Path f = sub.resolve("intents.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void readsServicesRelativeToTheFileWithEveryKindOfIntent() throws Exception {
    Path a = service("conf/svc/a.json", "a");
    Path b = service("conf/b.json", "b");
    String json = "{\"$schema\": \"https://easnet.io/schemas/intents.schema.json\", \"version\": 1, \"services\": [\n"
        + " {\"file\": \"svc/a.json\", \"intents\": [\"rds:rm-1:3306\", \"redis:r-1\", \"ecs:i-db:5432\","
        + " \"ip:192.168.10.9:80\", \"internet\", \"internet:pypi.org\", \"from:ecs:i-web\"]},\n"
        + " {\"file\": \"b.json\", \"intents\": []}]}\n";
    assertThat(schema.errors(json)).isEmpty();
    IntentsFile f = IntentsFile.read(intents(json));

    assertThat(f.services()).extracting(ServiceInput::name).containsExactly("a", "b");
    ServiceInput s = f.services().get(0);
    assertThat(s.intents()).containsExactly(IntentSyntax.parse("rds:rm-1:3306"), IntentSyntax.parse("redis:r-1"),
        IntentSyntax.parse("ecs:i-db:5432"), IntentSyntax.parse("ip:192.168.10.9:80"), ServiceInput.INTERNET_EGRESS,
        IntentSyntax.parse("internet:pypi.org"), IntentSyntax.parse("from:ecs:i-web"));
    assertThat(s.sourceName().orElseThrow()).endsWith("/conf/svc/a.json"); // the path, not the bare name
    assertThat(f.serviceFile("a").orElseThrow().toAbsolutePath()).isEqualTo(a.toAbsolutePath());
    assertThat(f.serviceFile("b").orElseThrow().toAbsolutePath()).isEqualTo(b.toAbsolutePath());
    assertThat(f.services().get(1).intents()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"version\": 1, \"service\": []}|/service|unknown key",
      "{\"version\": 2, \"services\": []}|/version|not supported",
      "{\"services\": []}|/version|missing",
      "{\"version\": 1, \"services\": {}}|/services|must be an array",
      "{\"version\": 1, \"services\": [{\"file\": \"s.json\", \"intents\": [\"rds:rm-1\"], \"env\": 1}]}|/services/0/env"
          + "|unknown key",
      "{\"version\": 1, \"services\": [{\"file\": \"s.json\", \"intents\": \"internet\"}]}|/services/0/intents"
          + "|must be an array",
      "{\"version\": 1, \"services\": [{\"file\": \"s.json\", \"intents\": [\"postgres:pg-1\"]}]}"
          + "|/services/0/intents/0|not an intent",
      "{\"version\": 1, \"services\": [{\"file\": \"s.json\", \"intents\": [3306]}]}|/services/0/intents/0"
          + "|expected a string",
      "{\"version\": 1, \"services\": [{\"file\": \"nope.json\", \"intents\": []}]}|/services/0/file|does not exist",
      "{\"version\": 1, \"services\": [{\"intents\": []}]}|/services/0/file|missing"})
  void rejectsBadFilesNamingThePointerAndTheFix(String json, String pointer, String problem) throws Exception {
    service("conf/s.json", "s");
    Path f = intents(json);
    assertThatThrownBy(() -> IntentsFile.read(f)).isInstanceOf(InvalidInputException.class).satisfies(e -> {
      InvalidInputException ie = (InvalidInputException) e;
      assertThat(ie.source()).contains(f.toString());
      assertThat(ie.pointer()).isEqualTo(pointer);
      assertThat(ie.problem()).contains(problem);
      assertThat(ie.fix()).isNotBlank();
    });
    if (!problem.equals("does not exist")) {
      assertThat(schema.errors(json)).as("schema errors for %s", json).isNotEmpty();
    }
  }

  @Test
  void aServiceListedTwiceIsAnError() throws Exception {
    service("conf/s.json", "s");
    service("conf/t.json", "s");
    Path f = intents("{\"version\": 1, \"services\": [{\"file\": \"s.json\", \"intents\": []},"
        + " {\"file\": \"t.json\", \"intents\": []}]}");
    assertThatThrownBy(() -> IntentsFile.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/services/1/file").hasMessageContaining("twice");
  }

  @Test
  void aBrokenServiceFileIsNamed() throws Exception {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/s.json"), "{\"metadata\": {\"name\": 3, \"instance\": 1}}");
    Path f = intents("{\"version\": 1, \"services\": [{\"file\": \"s.json\", \"intents\": []}]}");
    assertThatThrownBy(() -> IntentsFile.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("s.json").hasMessageContaining("/metadata/name");
  }
}
