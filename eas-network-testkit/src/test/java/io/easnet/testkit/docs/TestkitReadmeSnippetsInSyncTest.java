package io.easnet.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every block of testkit test code marked {@code // README: name} … {@code // end} appears verbatim (dedented) in
 * eas-network-testkit/README.md, as core's {@code ReadmeSnippetsInSyncTest} does for the root README and docs/.
 */
class TestkitReadmeSnippetsInSyncTest {
  private static final Path README = Path.of("README.md");
  private static final Path TESTS = Path.of("src", "test", "java");

  @Test
  void everyMarkedSnippetIsInTheModuleReadme() throws IOException {
    String readme = Files.readString(README);
    List<String> snippets = snippets();
    assertThat(snippets).as("marked snippets").hasSizeGreaterThanOrEqualTo(5);
    for (String s : snippets) {
      assertThat(readme.contains(s)).as("eas-network-testkit/README.md holds the snippet\n%s", s).isTrue();
    }
  }

  private static List<String> snippets() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).trim().startsWith("// README: ")) {
            continue;
          }
          List<String> block = new ArrayList<>();
          int j = i + 1;
          while (j < lines.size() && !lines.get(j).trim().equals("// end")) {
            block.add(lines.get(j));
            j++;
          }
          int indent = block.stream().filter(l -> !l.isBlank())
              .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
          out.add(String.join("\n", block.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()));
          i = j;
        }
      }
    }
    return out;
  }
}
