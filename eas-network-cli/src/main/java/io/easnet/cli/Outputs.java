package io.easnet.cli;

import io.easnet.core.internal.OutputFiles;
import io.easnet.core.internal.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The one place the commands write their output files ({@code -o}, {@code --write-snapshot}): refuses an output that
 * is one of the command's inputs (the same file, also through a symbolic or hard link), and writes atomically through
 * {@link OutputFiles} (a temporary file in the same directory, then an atomic move), the helper the plan, snapshot
 * and service JSON writers of core use too.
 */
final class Outputs {
  private Outputs() {}

  /** The non-null paths of {@code paths} (single paths or collections of them), for {@link #refuseInputs}. */
  static List<Path> inputs(Object... paths) {
    List<Path> out = new ArrayList<>();
    for (Object p : paths) {
      if (p instanceof Path path) {
        out.add(path);
      } else if (p instanceof Collection<?> c) {
        c.stream().filter(Objects::nonNull).map(Path.class::cast).forEach(out::add);
      }
    }
    return out;
  }

  /**
   * Refuses to write {@code output} (given with {@code option}) when it is the same file as one of {@code inputs}.
   *
   * @throws CliFailure with exit code 2 naming both
   */
  static void refuseInputs(String option, Path output, List<Path> inputs) {
    if (output == null || !Files.exists(output)) {
      return; // a file that does not exist is no input (a missing input fails on its own)
    }
    for (Path in : inputs) {
      if (in != null && sameFile(output, in)) {
        throw CliFailure.usage(option + " " + Printable.escape(output.toString()) + " is the input "
            + Printable.escape(in.toString()) + (output.equals(in) ? "" : " (the same file)") + ": writing it would"
            + " replace what the command reads. Fix: write the output to another file");
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /**
   * Writes {@code text} to {@code output} atomically (the old file stays whole if the write fails).
   *
   * @throws CliFailure with exit code 3 naming the file
   */
  static void write(Path output, String text) {
    try {
      OutputFiles.writeAtomically(output, text);
    } catch (IOException e) {
      throw new CliFailure(EasNet.EXIT_CLOUD, "cannot write " + Printable.escape(output.toString()) + ": "
          + Printable.escape(String.valueOf(e.getMessage())) + ". Check the directory exists and is writable, or"
          + " pick another output file (nothing was changed)", e);
    }
  }
}
