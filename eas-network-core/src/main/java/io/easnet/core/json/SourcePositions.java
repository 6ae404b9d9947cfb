package io.easnet.core.json;

import io.easnet.core.internal.json.JsonTrees;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each JSON pointer of a file starts: 1-based line and column, as the reader saw them (Jackson's
 * {@code JsonLocation}). A member starts at its key, an array element at its first character. Reports use it to
 * anchor a finding's pointer to a line (SARIF {@code region}); a pointer the index does not hold resolves to its
 * nearest ancestor that it does. Bounded: at most {@value JsonTrees#MAX_POSITIONS} pointers per file.
 *
 * <pre>{@code
 * SourcePositions at = ServiceDocument.read(Path.of("service.json")).positions();
 * at.find("/cloud/networking/vswitch_id").map(SourcePositions.Position::line);
 * }</pre>
 */
public final class SourcePositions {
  private static final SourcePositions NONE = new SourcePositions(Map.of());

  private final Map<String, Long> positions;

  private SourcePositions(Map<String, Long> positions) {
    this.positions = positions;
  }

  /** A 1-based line and column. */
  public record Position(int line, int column) {}

  /** No positions: every lookup is empty. */
  public static SourcePositions none() {
    return NONE;
  }

  /** Built from the packed index {@code JsonTrees.parse(text, source, positions)} fills. */
  static SourcePositions of(Map<String, Long> packed) {
    return packed.isEmpty() ? NONE : new SourcePositions(Map.copyOf(packed));
  }

  /**
   * Indexes a JSON text.
   *
   * @throws io.easnet.core.InvalidInputException when it is not valid JSON, as the readers report it
   */
  public static SourcePositions parse(String json, String sourceName) {
    Map<String, Long> packed = new HashMap<>();
    JsonTrees.parse(json, sourceName, packed);
    return of(packed);
  }

  /**
   * Reads and indexes a JSON file (at most 64 MiB, UTF-8).
   *
   * @throws io.easnet.core.InvalidInputException when the file cannot be read or is not valid JSON
   */
  public static SourcePositions read(Path file) {
    return parse(JsonTrees.readFile(file), file.toString());
  }

  /** The number of pointers indexed. */
  public int size() {
    return positions.size();
  }

  /**
   * Where the value at {@code pointer} starts; for a pointer not indexed (a key the file does not have, e.g. a
   * missing {@code /cloud/networking/vswitch_id}), where its nearest indexed ancestor starts; empty when none is.
   */
  public Optional<Position> find(String pointer) {
    String p = pointer == null ? "" : pointer;
    while (true) {
      Long packed = positions.get(p);
      if (packed != null) {
        return Optional.of(new Position((int) (packed >>> 32), (int) (packed & 0xFFFFFFFFL)));
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  @Override
  public String toString() {
    return "SourcePositions[" + positions.size() + " pointers]";
  }
}
