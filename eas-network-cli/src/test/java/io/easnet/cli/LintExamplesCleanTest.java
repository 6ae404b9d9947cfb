package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, done-when (a): the healthy example lints clean, alone and with the service file whose deployed copy it
 * holds (the root {@code --help} example), in every format: no ERROR and no WARNING.
 */
class LintExamplesCleanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEXT = Pattern.compile("(?m)^(error|warning): \\[(EASNET-\\d{3})\\]");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json", "sarif", "junit", "markdown"})
  void theHealthyExampleLintsCleanInEveryFormat(String format) throws Exception {
    for (List<String> extra : List.of(List.<String>of(), List.of("--service", example("service-vpc.json")))) {
      List<String> args = new ArrayList<>(List.of("lint", "--snapshot", example("snapshot.json"), "--format",
          format));
      args.addAll(extra);
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code()).as(r.toString()).isZero();
      assertThat(blocking(format, r.out())).as(format + " " + extra + "\n" + r.out()).isEmpty();
    }
  }

  /** The ids of the ERROR and WARNING findings a report in {@code format} shows. */
  static TreeSet<String> blocking(String format, String out) throws Exception {
    TreeSet<String> ids = new TreeSet<>();
    switch (format) {
      case "json" -> JSON.readTree(out).path("findings").forEach(f -> {
        if (!f.path("severity").asText().equals("INFO")) {
          ids.add(f.path("ruleId").asText());
        }
      });
      case "sarif" -> {
        for (JsonNode run : JSON.readTree(out).path("runs")) {
          for (JsonNode res : run.path("results")) {
            if (!res.path("level").asText().equals("note") && res.path("suppressions").isEmpty()) {
              ids.add(res.path("ruleId").asText());
            }
          }
        }
      }
      case "text" -> {
        Matcher m = TEXT.matcher(out);
        while (m.find()) {
          ids.add(m.group(2));
        }
      }
      default -> {
        // junit and markdown: every line that names a rule with an error or warning severity
        for (String line : out.split("\n")) {
          Matcher m = Pattern.compile("EASNET-\\d{3}").matcher(line);
          String l = line.toLowerCase(java.util.Locale.ROOT);
          if (m.find() && (l.contains("error") || l.contains("warning")) && !l.contains("info")) {
            ids.add(m.group());
          }
        }
      }
    }
    return ids;
  }
}
