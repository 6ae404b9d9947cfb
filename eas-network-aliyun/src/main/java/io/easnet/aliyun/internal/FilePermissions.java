package io.easnet.aliyun.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** Warns about a credentials file that the file's group or other users can read (POSIX file systems only). */
final class FilePermissions {
  private FilePermissions() {}

  /** The warning for {@code file}, or empty when only its owner can read it or permissions are not POSIX. */
  static Optional<String> warningFor(Path file) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.empty();
    }
    boolean exposed = permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ);
    if (!exposed) {
      return Optional.empty();
    }
    return Optional.of("The credentials file " + file + " is readable by "
        + (permissions.contains(PosixFilePermission.OTHERS_READ) ? "other users" : "its group") + " ("
        + PosixFilePermissions.toString(permissions) + "). Fix: chmod 600 " + file);
  }
}
