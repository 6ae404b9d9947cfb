package io.easnet.cli;

import io.easnet.testkit.assertions.InventoryAssert;
import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any command, either face: every {@code doctor}, {@code lint} and {@code plan} command of the READMEs, of
 * {@code docs/cli.md} and of {@code examples/} (its mistakes table and every intents file), and the cases the issue
 * names (services in two VPCs, no service file, {@code --name}), run once against {@code --snapshot FILE} and once against
 * {@code --endpoint} of an in-process emulator serving that same file. Output and exit code must be the same; only
 * the estate's name in finding locations ({@code estate.json:/rdsInstances/1} vs {@code live:127.0.0.1:PORT}),
 * with the list positions of pointers into the estate and the fingerprints that hash that name, is normalised. And {@code snapshot --endpoint} of the emulator holds what the file holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EitherFaceTest {
  private static final String KEY_ID = "LTAI5tEitherFace";
  private static final String KEY_SECRET = "either-face-secret-value";
  private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID,
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET, "ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
  private static final List<String> ESTATES = List.of("mistakes/estate.json", "snapshot.json");
  /** A README command, after the line continuations are joined. */
  private static final Pattern COMMAND = Pattern.compile("eas-net (doctor|lint|plan) [^`|\\n#]*");

  private final Map<String, Emulator> emulators = new java.util.HashMap<>();

  @BeforeAll
  void start() throws IOException {
    for (String estate : ESTATES) {
      FakeCloud fake = FakeCloud.builder().asyncDelay(Duration.ZERO).build().load(Path.of(example(estate)));
      emulators.put(estate, Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).build().start());
    }
  }

  @AfterAll
  void stop() {
    emulators.values().forEach(Emulator::close);
  }

  /** Every command, as the arguments after {@code eas-net}, with paths relative to the repository root. */
  static Stream<String> commands() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    Path root = Cli.root();
    for (String readme : List.of("README.md", "docs/cli.md", "eas-network-cli/README.md",
        "examples/README.md")) {
      String text = Files.readString(root.resolve(readme)).replaceAll("\\\\\\n\\s*", " ");
      Matcher m = COMMAND.matcher(text);
      while (m.find()) {
        String c = m.group().strip().substring("eas-net ".length()).replaceAll("\\s+", " ");
        // placeholders (S, F, I) and files an earlier step writes (fixed.json) are not commands to run
        if (c.contains("examples/") && !c.contains("fixed.json") && !c.contains("[")) {
          out.add(c);
        }
      }
    }
    // the mistakes table of examples/README.md: | `mistakes/FILE` | … | `doctor --to T` or `lint` | … |
    String examples = Files.readString(root.resolve("examples/README.md"));
    Matcher row = Pattern.compile("\\| `mistakes/([a-z0-9-]+\\.json)` \\|[^|]*\\| `((?:doctor|lint)[^`]*)` \\|")
        .matcher(examples);
    while (row.find()) {
      out.add(row.group(2) + " --snapshot examples/mistakes/estate.json --service examples/mistakes/"
          + row.group(1));
    }
    try (Stream<Path> files = Files.list(root.resolve("examples/mistakes"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".intents.json")) {
          out.add("doctor --snapshot examples/mistakes/estate.json --intents examples/mistakes/" + name);
          out.add("lint --snapshot examples/mistakes/estate.json --intents examples/mistakes/" + name);
          out.add("plan --snapshot examples/mistakes/estate.json --intents examples/mistakes/" + name);
          out.add("plan --snapshot examples/mistakes/estate.json --intents examples/mistakes/" + name
              + " --allow-billed");
        }
      }
    }
    out.add("doctor --snapshot examples/snapshot.json --intents examples/intents.json");
    out.add("plan --snapshot examples/snapshot.json --intents examples/intents.json");
    // lint without a service file (the region's services), services in two VPCs, all mistakes at once
    out.add("lint --snapshot examples/mistakes/estate.json");
    out.add("lint --snapshot examples/snapshot.json");
    out.add("lint --snapshot examples/mistakes/estate.json -s examples/mistakes/no-snat-entry.json"
        + " -s examples/mistakes/nat-without-eip.json");
    StringBuilder all = new StringBuilder("lint --snapshot examples/mistakes/estate.json");
    try (Stream<Path> files = Files.list(root.resolve("examples/mistakes"))) {
      files.map(p -> p.getFileName().toString()).filter(n -> !n.contains(".intents.") && !n.equals("estate.json"))
          .sorted().forEach(n -> all.append(" -s examples/mistakes/").append(n));
    }
    out.add(all.toString());
    out.add("lint --snapshot examples/mistakes/estate.json -s examples/mistakes/wrong-vpc.json --format json");
    out.add("lint --snapshot examples/mistakes/estate.json --format sarif");
    out.add("doctor --snapshot examples/snapshot.json --name chat_inference --from ecs:i-bp1h6f8k2m4n7q9s3t5v");
    out.add("doctor --snapshot examples/snapshot.json --name embedding_rg --to internet --to "
        + Cli.RDS);
    out.add("doctor --snapshot examples/mistakes/estate.json --name chat_inference --to " + Cli.RDS
        + " --to internet --format json");
    // ids the estate does not hold: findings (EASNET-027, EASNET-035 with "did you mean"), not a failed read
    out.add("doctor --snapshot examples/snapshot.json --service examples/service-vpc.json --to"
        + " rds:rm-bp1x7y2z9a4b6c8d3e5x --to redis:r-bp1nosuchredis00000 --from ecs:i-bp1nosuchecs000000000");
    // lint's intent options, both faces (--intents per example above, --to/--from here)
    // (not over examples/snapshot.json with service-vpc.json: its deployed copy makes EASNET-040 list the two
    // sources in a different order per face, issue 17 item 2)
    out.add("lint --snapshot examples/mistakes/estate.json -s examples/mistakes/wrong-vpc.json --to " + Cli.RDS
        + " --format json");
    out.add("lint --snapshot examples/mistakes/estate.json -s examples/mistakes/no-snat-entry.json --to internet"
        + " --to " + Cli.RDS);
    out.add("resolve --snapshot examples/mistakes/estate.json");
    out.add("resolve --snapshot examples/snapshot.json --format json");
    return out.stream();
  }

  /**
   * The command through the CLI's live path (the {@link Estate}, the loader) over the fake's port face: what the
   * live path itself makes of the estate, without the wire.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void theSameOutputFromTheFileAndFromThePort(String command, @TempDir Path dir) {
    compare(command, dir, false);
  }

  /** The command live over HTTP: the Aliyun adapter reading the emulator that serves the file. */
  @ParameterizedTest
  @MethodSource("commands")
  void theSameOutputFromTheFileAndFromTheCloud(String command, @TempDir Path dir) {
    compare(command, dir, true);
  }

  private void compare(String command, Path dir, boolean wire) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    int s = args.indexOf("--snapshot");
    String estate = args.get(s + 1).substring("examples/".length());
    String fileName = Path.of(estate).getFileName().toString();
    Emulator emulator = emulators.get(estate);
    assertThat(emulator).as("an emulator for " + estate).isNotNull();

    Face offline = run(args, s, null, dir.resolve("offline"), null);
    String endpoint = wire ? emulator.endpoint() : "fake.invalid";
    Face live = run(args, s, endpoint, dir.resolve("live"), wire ? null : emulator.fake());

    assertThat(normalise(live.text(), "live:" + endpoint, fileName)).as("%s%n--- offline:%n%s%n--- live:%n%s",
            command, offline.text(), live.text())
        .isEqualTo(normalise(offline.text(), fileName, fileName));
    assertThat(live.code()).as(command).isEqualTo(offline.code());
    assertThat(emulator.nearMisses()).as("requests the emulator could not route").isEmpty();
  }

  /** The exit code and everything printed or written (an {@code --output} file's content in place of its name). */
  private record Face(int code, String text) {}

  private Face run(List<String> template, int snapshotAt, String endpoint, Path dir, FakeCloud port) {
    List<String> args = new ArrayList<>();
    Path output = null;
    for (int i = 0; i < template.size(); i++) {
      String a = template.get(i);
      if (i == snapshotAt) {
        if (endpoint == null) {
          args.add("--snapshot");
          args.add(example(template.get(++i).substring("examples/".length())));
        } else {
          args.add("--endpoint");
          args.add(endpoint);
          i++;
        }
      } else if (a.equals("-o") || a.equals("--output")) {
        output = dir.resolve(Path.of(template.get(++i)).getFileName());
        args.add(a);
        args.add(output.toString());
      } else if (a.startsWith("examples/")) {
        args.add(example(a.substring("examples/".length())));
      } else {
        args.add(a);
      }
    }
    try {
      Files.createDirectories(dir);
      Cli.Result r = port == null ? Cli.run(Terminal.none(), ENV, args.toArray(String[]::new))
          : Cli.run((region, endpointUrl, env) -> port, ENV, args.toArray(String[]::new));
      String text = r.out() + "\n--- err\n" + r.err();
      if (output != null && Files.exists(output)) {
        text += "\n--- " + output.getFileName() + "\n" + Files.readString(output);
        text = text.replace(output.toString(), "OUTPUT");
      }
      return new Face(r.code(), text.replace(Cli.root().toString(), "ROOT"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The estate's name, and where inside it a finding points, made the same for both faces: a snapshot file's
   * JSON pointers ({@code estate.json:/rdsInstances/1/allowlists/0}) index its lists in file order, a live
   * estate has no file.
   */
  /**
   * Findings are ordered by their source name among other keys, and the estate's name differs between the faces
   * ({@code ../examples/x.json} vs {@code live:…}): text findings are compared as a set, in a fixed order.
   */
  static String sortFindingBlocks(String text) {
    String[] blocks = text.split("\n\n", -1);
    List<String> out = new java.util.ArrayList<>();
    List<String> run = new java.util.ArrayList<>();
    for (String b : blocks) {
      if (b.matches("(?s)(error|warning|note|info): \\[.*")) {
        run.add(b);
        continue;
      }
      java.util.Collections.sort(run);
      out.addAll(run);
      run.clear();
      out.add(b);
    }
    java.util.Collections.sort(run);
    out.addAll(run);
    return String.join("\n\n", out);
  }

  static String normalise(String text, String source, String fileName) {
    // a file is named by its path relative to the working directory (../examples/snapshot.json): keep the name
    String t = text.replaceAll("[A-Za-z0-9_.%-]*(?:/[A-Za-z0-9_.%-]+)*/" + java.util.regex.Pattern.quote(fileName),
        java.util.regex.Matcher.quoteReplacement(fileName));
    // SARIF anchors a finding in a file (artifact, line, column); a live estate is no file: only the logical location
    t = t.replaceAll("(?s)\"physicalLocation\" : \\{.*?\\},\\s*(\"logicalLocations\")", "$1");
    t = t.replace(source, "ESTATE");
    // the location of a finding inside the estate: "ESTATE:/pointer", in text, JSON, SARIF or HTML
    t = t.replaceAll("ESTATE:/[A-Za-z0-9_/~.-]*", "ESTATE");
    // a pointer into the estate indexes its lists in file order (JSON, SARIF, HTML write it apart from the source)
    t = t.replaceAll("/(vpcs|vSwitches|securityGroups|natGateways|snatEntries|eips|routeTables|ecsInstances"
        + "|rdsInstances|redisInstances|resourceGroups|services)/[0-9]+", "/$1/N");
    t = sortFindingBlocks(t);
    // plan's hint names the estate options of its own face (--snapshot FILE, --endpoint URL, --live --region R)
    t = t.replaceAll("eas-net apply (?:--snapshot \\S+|--endpoint \\S+|--live)(?: --region \\S+)? ",
        "eas-net apply ESTATE_OPTIONS ");
    // a fingerprint hashes the source name, so it differs as the name does
    return t.replaceAll("(\"(?:fingerprint|easnetFingerprint/v1)\" : \")[0-9a-f]+\"", "$1F\"");
  }

  /** {@code snapshot} through the live path over the fake's port face: the file, services and region id included. */
  @Test
  void snapshotOfThePortHoldsWhatTheFileHolds(@TempDir Path dir) {
    snapshotHoldsWhatTheFileHolds(dir, false);
  }

  /** {@code snapshot --endpoint} of the emulator serving the file: what it holds came through the wire. */
  @Test
  void snapshotOfTheEmulatorHoldsWhatTheFileHolds(@TempDir Path dir) {
    snapshotHoldsWhatTheFileHolds(dir, true);
  }

  private void snapshotHoldsWhatTheFileHolds(Path dir, boolean wire) {
    for (String estate : ESTATES) {
      Path out = dir.resolve(Path.of(estate).getFileName());
      Emulator emulator = emulators.get(estate);
      String[] args = {"snapshot", "--endpoint", wire ? emulator.endpoint() : "fake.invalid", "--output",
          out.toString()};
      Cli.Result r = wire ? Cli.run(Terminal.none(), ENV, args)
          : Cli.run((region, endpoint, env) -> emulator.fake(), ENV, args);
      assertThat(r.code()).as(r.toString()).isZero();
      Snapshot file = SnapshotJson.read(Path.of(example(estate)));
      Snapshot captured = SnapshotJson.read(out);
      assertThat(captured.inventory().regionId()).as(estate).isEqualTo(file.inventory().regionId()).isPresent();
      assertThat(InventoryAssert.sortedById(captured.inventory())).as(estate)
          .isEqualTo(InventoryAssert.sortedById(file.inventory()));
      assertThat(captured.services()).as(estate).isNotEmpty().containsExactlyInAnyOrderElementsOf(file.services());
    }
  }

  /** {@code snapshot --vpc} captures the services that run in that VPC, and only those. */
  @Test
  void snapshotOfOneVpcHoldsTheServicesThatRunInIt(@TempDir Path dir) {
    Path prod = dir.resolve("prod.json");
    Cli.Result r = Cli.run("snapshot", "--replay", example("mistakes/estate.json"), "--vpc",
        "vpc-bp1kjr3rfyhx01q8z2m5n", "-o", prod.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("1 services");
    assertThat(SnapshotJson.read(prod).services()).extracting(d -> d.spec().name()).containsExactly("chat_inference");
    Path staging = dir.resolve("staging.json");
    r = Cli.run("snapshot", "--replay", example("mistakes/estate.json"), "--vpc", "vpc-bp1stgz3x6c9v2b5n8m4l", "-o",
        staging.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(SnapshotJson.read(staging).services()).isEmpty();
  }

  /** {@code --vpc} narrows a live read; offline the file is the estate, and the command says how to cut it. */
  @Test
  void vpcWithASnapshotFileIsAUsageErrorThatSaysHowToCutTheFile() {
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--vpc",
        "vpc-bp1kjr3rfyhx01q8z2m5n");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("snapshot --replay").contains("--vpc vpc-bp1kjr3rfyhx01q8z2m5n");
  }

  /** {@code --name} of a service the cloud does not run names those it runs, as offline. */
  @Test
  void anUnknownNameListsTheServicesOfEitherFace() {
    Emulator emulator = emulators.get("snapshot.json");
    Cli.Result offline = Cli.run(Terminal.none(), ENV, "doctor", "--snapshot", example("snapshot.json"), "--name",
        "nope", "--to", "internet");
    Cli.Result live = Cli.run((region, endpoint, env) -> emulator.fake(), ENV, "doctor", "--endpoint",
        "fake.invalid", "--name", "nope", "--to", "internet");
    assertThat(offline.code()).isEqualTo(2);
    assertThat(live.code()).isEqualTo(2);
    assertThat(live.err().replace("live:fake.invalid", "snapshot.json"))
        .isEqualTo(offline.err().replace("../examples/snapshot.json", "snapshot.json"))
        .contains("chat_inference, embedding_rg");
  }

  /** A partial cloud.networking block is a finding (EASNET-001) on either face, never a failure of the live read. */
  @Test
  void aPartialNetworkingBlockIsTheSameFindingOnEitherFace(@TempDir Path dir) throws IOException {
    String json = Files.readString(Path.of(example("service-vpc.json")))
        .replaceAll(",\\s*\"security_group_id\"\\s*:\\s*\"[^\"]*\"", "")
        .replace("\"chat_inference\"", "\"partial_svc\"");
    Path partial = dir.resolve("partial.json");
    Files.writeString(partial, json);
    Emulator emulator = emulators.get("snapshot.json");
    for (List<String> command : List.of(List.of("doctor", "-s", partial.toString(), "--to", "internet", "--to",
        Cli.RDS), List.of("lint", "-s", partial.toString()), List.of("resolve", "-s", partial.toString()))) {
      List<String> offline = new ArrayList<>(command);
      offline.addAll(List.of("--snapshot", example("snapshot.json")));
      List<String> live = new ArrayList<>(command);
      live.addAll(List.of("--endpoint", "fake.invalid"));
      Cli.Result file = Cli.run(Terminal.none(), ENV, offline.toArray(String[]::new));
      Cli.Result cloud = Cli.run((region, endpoint, env) -> emulator.fake(), ENV, live.toArray(String[]::new));
      assertThat(normalise(cloud.out() + cloud.err(), "live:fake.invalid", "snapshot.json")).as(command.toString())
          .isEqualTo(normalise(file.out() + file.err(), "snapshot.json", "snapshot.json"));
      assertThat(cloud.code()).as(command.toString()).isEqualTo(file.code());
      if (!command.get(0).equals("resolve")) {
        assertThat(file.out()).as(command.toString()).contains("EASNET-001");
      }
    }
  }
}
