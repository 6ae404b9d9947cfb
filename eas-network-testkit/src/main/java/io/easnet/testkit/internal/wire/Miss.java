package io.easnet.testkit.internal.wire;

import java.util.List;
import java.util.Objects;

/**
 * A request the router could not place, next to the known operation closest to it and how the two differ: the
 * protocol layer's own record of a near miss, which the public {@code emulator.NearMiss} mirrors field for field.
 *
 * @param request what was sent: method, host, path, and what the router read from it
 * @param closestOperation the closest known operation, {@code product:Action}
 * @param closestShape how that operation is called
 * @param differences how the request differs from it
 */
public record Miss(String request, String closestOperation, String closestShape, List<String> differences) {
  public Miss {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(closestOperation, "closestOperation");
    Objects.requireNonNull(closestShape, "closestShape");
    differences = List.copyOf(differences);
  }

  /** The log line of a near miss; {@code emulator.NearMiss} prints the same. */
  public static String describe(String request, String closestOperation, String closestShape,
      List<String> differences) {
    return "near miss: " + request + " -> closest known operation " + closestOperation + " (" + closestShape
        + "); " + (differences.isEmpty() ? "no difference found" : String.join("; ", differences));
  }

  @Override
  public String toString() {
    return describe(request, closestOperation, closestShape, differences);
  }
}
