package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 7 through the command line: each typo of the issue is a WARNING (EASNET-048) with its pointer and
 * "did you mean" (before, {@code cloud.netwrking} linted with exit 0 and nothing about the service).
 */
class ServiceKeyTyposTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode lint(Path dir, String from, String to) throws Exception {
    String text = Files.readString(Path.of(example("mistakes/wrong-vpc.json")));
    assertThat(text).contains(from);
    Path file = dir.resolve("svc.json");
    Files.writeString(file, text.replace(from, to));
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service", file.toString(),
        "--format", "json");
    assertThat(r.err()).as(r.toString()).isEmpty();
    for (JsonNode f : JSON.readTree(r.out()).path("findings")) {
      if (f.path("ruleId").asText().equals("EASNET-048")) {
        return f;
      }
    }
    throw new AssertionError("no EASNET-048 in " + r.out());
  }

  @Test
  void cloudNetwrking(@TempDir Path dir) throws Exception {
    JsonNode f = lint(dir, "\"networking\"", "\"netwrking\"");
    assertThat(f.path("severity").asText()).isEqualTo("WARNING");
    assertThat(f.path("location").path("pointer").asText()).isEqualTo("/cloud/netwrking");
    assertThat(f.path("didYouMean").asText()).isEqualTo("networking");
  }

  @Test
  void metadataInstances(@TempDir Path dir) throws Exception {
    JsonNode f = lint(dir, "\"instance\": 2", "\"instances\": 2");
    assertThat(f.path("location").path("pointer").asText()).isEqualTo("/metadata/instances");
  }

  @Test
  void vswitchid(@TempDir Path dir) throws Exception {
    JsonNode f = lint(dir, "\"vswitch_id\"", "\"vswitchid\"");
    assertThat(f.path("location").path("pointer").asText()).isEqualTo("/cloud/networking/vswitchid");
    assertThat(f.path("didYouMean").asText()).isEqualTo("vswitch_id");
  }
}
