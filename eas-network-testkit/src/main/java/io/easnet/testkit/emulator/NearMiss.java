package io.easnet.testkit.emulator;

import io.easnet.testkit.internal.wire.Miss;
import java.util.List;
import java.util.Objects;

/**
 * A request the emulator could not route, next to the known operation closest to it (by edit distance over the
 * action name, or over the path for ROA) and how the two differ. The emulator answers such a request with Alibaba's
 * error ({@code InvalidAction.NotFound}, {@code InvalidApi.NotFound}, {@code InvalidVersion} or
 * {@code InvalidProduct.NotFound}) and keeps the near miss in its log, as WireMock reports unmatched requests.
 *
 * @param request what was sent: method, host, path, and the product, version and action the emulator read from it
 * @param closestOperation the nearest known operation, as {@code product:Action} (e.g. {@code vpc:DescribeVpcs})
 * @param closestShape how that operation is called, e.g. {@code vpc 2016-04-28 DescribeVpcs} or
 *     {@code GET /api/v2/services/{ClusterId}/{ServiceName} (eas 2021-07-01 DescribeService)}
 * @param differences each way the request differs: action, product, version, method or path
 */
public record NearMiss(String request, String closestOperation, String closestShape, List<String> differences) {
  /** Checks that no component is null and copies the list. */
  public NearMiss {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(closestOperation, "closestOperation");
    Objects.requireNonNull(closestShape, "closestShape");
    differences = List.copyOf(differences);
  }

  /** One line for a log: the request, the closest operation and the differences separated by semicolons. */
  @Override
  public String toString() {
    return Miss.describe(request, closestOperation, closestShape, differences);
  }
}
