package io.easnet.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every block of test code marked {@code // README: name} … {@code // end} in core's tests, and every block marked
 * {@code // ROOT-README: name} … {@code // end} in any module's tests, appears verbatim (dedented) in the root
 * documentation: README.md or a page directly under {@code docs/} (the library, testkit and command-line pages). The
 * examples there are the code the tests compile and run, not a copy that drifts. (Other modules' plain
 * {@code // README:} markers belong to their own module READMEs.)
 */
class ReadmeSnippetsInSyncTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path DOCS = Path.of("..", "docs");
  /** A five-minute read: what it is, the quickstart, one CLI and one library example, links. */
  private static final int FRONT_PAGE_MAX_LINES = 150;
  private static final Path TESTS = Path.of("src", "test", "java");
  private static final List<Path> OTHER_MODULES = List.of(Path.of("..", "eas-network-aliyun", "src", "test", "java"),
      Path.of("..", "eas-network-testkit", "src", "test", "java"), Path.of("..", "eas-network-cli", "src", "test",
      "java"));

  @Test
  void everyMarkedSnippetIsInTheReadmeOrADocsPage() throws IOException {
    List<Path> pages = pages();
    List<String> texts = new ArrayList<>();
    for (Path page : pages) {
      texts.add(Files.readString(page));
    }
    List<String> snippets = snippets();
    assertThat(snippets).as("marked snippets").hasSizeGreaterThanOrEqualTo(5);
    for (String s : snippets) {
      assertThat(texts.stream().anyMatch(t -> t.contains(s)))
          .as("README.md or a page of docs/ (%s) holds the snippet%n%s", pages, s).isTrue();
    }
  }

  @Test
  void theFrontPageIsAFiveMinuteReadThatLinksEveryPageHoldingSnippets() throws IOException {
    List<String> lines = Files.readAllLines(README);
    assertThat(lines.size()).as("lines of README.md (move details to docs/)")
        .isLessThanOrEqualTo(FRONT_PAGE_MAX_LINES);
    String readme = String.join("\n", lines);
    for (Path page : pages()) {
      if (!page.equals(README) && Files.readString(page).contains("```java")) {
        assertThat(readme).as("README.md links %s", page).contains("](docs/" + page.getFileName() + ")");
      }
    }
  }

  /** README.md, then the Markdown pages directly under docs/, sorted. */
  private static List<Path> pages() throws IOException {
    List<Path> out = new ArrayList<>(List.of(README));
    try (Stream<Path> files = Files.list(DOCS)) {
      out.addAll(files.filter(p -> p.toString().endsWith(".md")).sorted().toList());
    }
    return out;
  }

  private static List<String> snippets() throws IOException {
    List<String> out = new ArrayList<>(snippets(TESTS, "// README: "));
    out.addAll(snippets(TESTS, "// ROOT-README: "));
    for (Path module : OTHER_MODULES) {
      out.addAll(snippets(module, "// ROOT-README: "));
    }
    return out;
  }

  private static List<String> snippets(Path tests, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          String marker = lines.get(i).trim();
          // "// README: begin" … "// README: end" marks code the README shows only in part
          if (!marker.startsWith(prefix) || marker.endsWith(": begin") || marker.endsWith(": end")) {
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
