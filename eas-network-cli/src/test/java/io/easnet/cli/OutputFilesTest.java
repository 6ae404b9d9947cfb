package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No command writes its output over one of its inputs (by path, through a symbolic link, or a hard
 * link), and every output file is replaced atomically (a temporary file moved over it), never truncated in place.
 */
class OutputFilesTest {
  @TempDir Path dir;
  private Path estate;
  private Path service;
  private Path intents;
  private Path plan;

  @BeforeEach
  void files() throws IOException {
    estate = Files.copy(Path.of(example("mistakes/estate.json")), dir.resolve("estate.json"));
    service = Files.copy(Path.of(example("mistakes/no-snat-entry.json")), dir.resolve("no-snat-entry.json"));
    intents = Files.copy(Path.of(example("mistakes/no-snat-entry.intents.json")), dir.resolve("intents.json"));
    plan = dir.resolve("plan.json");
    Cli.Result p = Cli.run("plan", "--snapshot", estate.toString(), "--intents", intents.toString(), "-o",
        plan.toString());
    assertThat(p.code()).as(p.toString()).isZero();
  }

  /** Each case: the command line with {E} the estate, {S} the service, {I} the intents, {P} the plan file. */
  static Stream<String> overwritingCommands() {
    return Stream.of(
        "plan --snapshot {E} --intents {I} -o {E}",
        "plan --snapshot {E} --intents {I} -o {I}",
        "plan --snapshot {E} --intents {I} -o {S}",
        "lint --snapshot {E} --service {S} -o {S}",
        "lint --snapshot {E} --service {S} --format json -o {E}",
        "lint --snapshot {E} --service {S} -o link-to-{S}",
        "lint --snapshot {E} --service {S} -o hardlink-to-{E}",
        "lint --snapshot {E} --service {S} -o sub/../{S}",
        "doctor --snapshot {E} --intents {I} -o {S}",
        "doctor --snapshot {E} --service {S} --to internet --format html -o {E}",
        "resolve --snapshot {E} --service {S} -o {S}",
        "snapshot --replay {E} -o {E}",
        "apply --snapshot {E} --write-snapshot {E} {P}",
        "apply --snapshot {E} --write-snapshot {P} {P}",
        "apply --snapshot {E} --write-snapshot link-to-{P} {P}");
  }

  @ParameterizedTest
  @MethodSource("overwritingCommands")
  void anOutputThatIsAnInputIsRefusedAndNothingChanges(String commandLine) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    List<Path> all = List.of(estate, service, intents, plan);
    List<byte[]> before = new ArrayList<>();
    for (Path p : all) {
      before.add(Files.readAllBytes(p));
    }
    List<String> args = new ArrayList<>();
    for (String a : commandLine.split(" ")) {
      String v = a.replace("{E}", estate.getFileName().toString()).replace("{S}", service.getFileName().toString())
          .replace("{I}", intents.getFileName().toString()).replace("{P}", plan.getFileName().toString());
      if (v.startsWith("link-to-")) {
        Path link = dir.resolve(v);
        Files.createSymbolicLink(link, dir.resolve(v.substring("link-to-".length())));
      } else if (v.startsWith("hardlink-to-")) {
        Files.createLink(dir.resolve(v), dir.resolve(v.substring("hardlink-to-".length())));
      }
      args.add(v.equals(a) || a.startsWith("--") || !v.contains(".") ? v : dir.resolve(v).toString());
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("is the input").contains("write the output to another file")
        .doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
    for (int i = 0; i < all.size(); i++) {
      assertThat(Files.readAllBytes(all.get(i))).as(all.get(i) + " unchanged").isEqualTo(before.get(i));
    }
  }

  @Test
  void anOutputIsReplacedByAMoveNeverRewrittenInPlace() throws Exception {
    Path report = dir.resolve("report.json");
    Files.writeString(report, "old report\n");
    Path otherName = dir.resolve("old-report.json");
    Files.createLink(otherName, report); // a second name for the same inode: an in-place write would change it too

    Cli.Result r = Cli.run("lint", "--snapshot", estate.toString(), "--service", service.toString(), "--format",
        "json", "-o", report.toString());

    assertThat(r.code()).as(r.toString()).isIn(0, 1);
    assertThat(Files.readString(report)).startsWith("{");
    assertThat(Files.readString(otherName)).isEqualTo("old report\n");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void everyWriterOfTheCliIsAtomic() throws Exception {
    Path snap = dir.resolve("snap.json");
    Path fixed = dir.resolve("fixed.json");
    Path planAgain = dir.resolve("plan2.json");
    List<Path> outputs = List.of(snap, fixed, planAgain);
    List<Path> oldNames = new ArrayList<>();
    for (Path p : outputs) {
      Files.writeString(p, "old\n");
      Path old = dir.resolve("old-" + p.getFileName());
      Files.createLink(old, p);
      oldNames.add(old);
    }

    assertThat(Cli.run("snapshot", "--replay", estate.toString(), "-o", snap.toString()).code()).isZero();
    assertThat(Cli.run("apply", "--snapshot", estate.toString(), "--write-snapshot", fixed.toString(),
        plan.toString()).code()).isZero();
    assertThat(Cli.run("plan", "--snapshot", estate.toString(), "--intents", intents.toString(), "-o",
        planAgain.toString()).code()).isZero();

    for (int i = 0; i < outputs.size(); i++) {
      assertThat(Files.readString(outputs.get(i))).startsWith("{");
      assertThat(Files.readString(oldNames.get(i))).isEqualTo("old\n");
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anOutputThatIsASymbolicLinkIsWrittenThroughAndTheLinkStays() throws Exception {
    Path real = Files.createDirectories(dir.resolve("reports")).resolve("report.json");
    Files.writeString(real, "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("latest.json"), real);

    Cli.Result r = Cli.run("lint", "--snapshot", estate.toString(), "--service", service.toString(), "--format",
        "json", "-o", link.toString());

    assertThat(r.code()).as(r.toString()).isIn(0, 1);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("{");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFileAndExitsThree() throws Exception {
    Path target = Files.createDirectories(dir.resolve("a-directory"));
    Files.writeString(target.resolve("inside"), "x"); // a non-empty directory cannot be replaced by a file

    Cli.Result r = Cli.run("lint", "--snapshot", estate.toString(), "--service", service.toString(), "-o",
        target.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("cannot write").contains("a-directory").doesNotContain("\tat ");
    assertThat(Files.readString(target.resolve("inside"))).isEqualTo("x");
    assertThat(leftovers()).isEmpty();
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
    }
  }
}
