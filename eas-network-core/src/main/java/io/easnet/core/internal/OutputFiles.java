package io.easnet.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The one way every output file is written (reports, snapshots, plans, the service JSON write-back): into a temporary
 * file in the target's directory, forced to disk, then moved over the target atomically, so that a crash or a full
 * disk leaves either the old file or the new one, never half of one. A target that is a symbolic link is written
 * through (its target file is replaced, the link stays); an existing file keeps its POSIX permissions.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * Replaces (or creates) {@code target} with {@code text} as UTF-8, atomically; creates missing parent directories.
   *
   * @throws IOException when the directory cannot be created or written, or the move fails; the target is then
   *     unchanged and no temporary file is left behind
   */
  public static void writeAtomically(Path target, String text) throws IOException {
    writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #writeAtomically(Path, String)} for bytes. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(file) && Files.exists(file)) {
      file = file.toRealPath();
    }
    Path dir = file.getParent();
    if (dir == null) {
      throw new IOException(target + " names no file");
    }
    Files.createDirectories(dir);
    Set<PosixFilePermission> keep = null;
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view != null) {
        keep = view.readAttributes().permissions();
      }
    }
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = Channels.newOutputStream(ch)) {
        out.write(bytes);
        out.flush();
        ch.force(true);
      }
      if (keep != null) {
        Files.setPosixFilePermissions(tmp, keep);
      } else if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
        // createTempFile makes the file owner-only; a new output gets the usual rw-r--r--.
        Files.setPosixFilePermissions(tmp, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
