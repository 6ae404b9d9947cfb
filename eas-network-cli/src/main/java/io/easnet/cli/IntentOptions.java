package io.easnet.cli;

import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --to}, {@code --from} and {@code --intents}: what the services must reach, the one place {@code doctor}
 * and {@code lint} read it (the text form is {@link IntentSyntax}'s, the file {@link IntentsFile}'s).
 */
final class IntentOptions {
  @Option(names = "--to", paramLabel = "TARGET", description = "What the service must reach (repeatable):"
      + " rds:ID[:PORT], redis:ID[:PORT], ecs:ID:PORT, ip:ADDR:PORT, internet[:HOST][:PORT][?allowlist=A,B].")
  List<String> to = new ArrayList<>();

  @Option(names = "--from", paramLabel = "CLIENT", description = "An ECS client that calls the service directly"
      + " (repeatable): ecs:ID.")
  List<String> from = new ArrayList<>();

  @Option(names = "--intents", paramLabel = "FILE", description = "Instead of --service, --to and --from: an"
      + " intents file (the one eas-net plan reads); every service in it is checked.")
  Path file;

  private IntentsFile read;

  /** True when {@code --to} or {@code --from} is given. */
  boolean hasTargets() {
    return !to.isEmpty() || !from.isEmpty();
  }

  /** The intents file, read once. */
  IntentsFile intentsFile() {
    if (read == null) {
      read = IntentsFile.read(file);
    }
    return read;
  }

  /**
   * The services of {@code --intents FILE} with their intents; a usage error when the command line also names
   * services or targets ({@code others} lists the options that name services, e.g. {@code --service}).
   */
  List<ServiceInput> fileServices(boolean othersGiven, String others) {
    if (othersGiven || hasTargets()) {
      throw CliFailure.usage("--intents FILE names the services and their intents: leave out " + others
          + ", --to and --from");
    }
    return intentsFile().services();
  }

  /** The inputs to guard from {@code --output}: the intents file and, when one is given, the files it names. */
  List<Path> inputs(Path output) {
    List<Path> out = new ArrayList<>();
    if (file != null) {
      out.add(file);
      if (output != null) {
        out.addAll(intentsFile().serviceFiles().values());
      }
    }
    return out;
  }

  /** The intents of {@code --to} and {@code --from}, read by {@link IntentSyntax}, the one text form. */
  List<Intent> intents() {
    List<Intent> out = new ArrayList<>();
    for (String t : to) {
      Intent i = IntentSyntax.parse(t, "--to", "");
      if (i instanceof Intent.Client) {
        throw CliFailure.usage("--to " + t + " names a client: pass it as --from " + t.substring(5));
      }
      out.add(i);
    }
    for (String f : from) {
      String text = f.startsWith("from:") ? f : "from:" + f;
      out.add(IntentSyntax.parse(text, "--from", ""));
    }
    return out;
  }
}
