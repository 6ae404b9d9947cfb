package io.easnet.core.internal;

import java.nio.file.Path;

/**
 * How a file is named in finding locations and reports: its path relative to a base directory (the repository root
 * in CI; the working directory by default), with forward slashes, so that two {@code service.json} files of two
 * folders stay apart and code-scanning tools can open the file. A file outside the base directory is named relative
 * to it too ({@code ../shared/estate.json}), so that names (and the fingerprints that include them) do not depend on
 * where the checkout sits; only a file on another file-system root keeps its absolute path.
 */
public final class SourceNames {
  private SourceNames() {}

  /** The working directory, the default base directory. */
  public static Path workingDirectory() {
    return Path.of("").toAbsolutePath();
  }

  /** {@code file} relative to the working directory. */
  public static String of(Path file) {
    return of(file, workingDirectory());
  }

  /**
   * {@code file} relative to {@code baseDir} ({@code examples/service-vpc.json}, {@code ../estate.json}); its
   * absolute path when the two are on different roots (drives).
   */
  public static String of(Path file, Path baseDir) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = baseDir.toAbsolutePath().normalize();
    Path shown = abs;
    if (!abs.equals(base) && java.util.Objects.equals(abs.getRoot(), base.getRoot())) {
      shown = base.relativize(abs);
    }
    return shown.toString().replace('\\', '/');
  }
}
