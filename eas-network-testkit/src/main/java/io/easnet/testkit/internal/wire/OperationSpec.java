package io.easnet.testkit.internal.wire;

import java.util.List;
import java.util.Objects;

/**
 * One operation the emulator knows: its product and action, for ROA its method and path, the parameters a request
 * must carry (checked before any handler runs) and how it pages.
 *
 * @param product the product, which fixes the API version and style
 * @param action the action name as in the API reference, e.g. {@code DescribeVSwitches}
 * @param method for ROA the HTTP method; for RPC empty (GET and POST both work)
 * @param path for ROA the path template; null for RPC
 * @param required parameters that must be present (RPC: query or form; ROA: query)
 * @param requiredOneOf groups of which at least one parameter must be present
 * @param requiredBody top-level fields an ROA JSON body must carry; a non-empty list also requires a body
 * @param bodyRequired true when an ROA operation takes a body at all and it must not be empty
 * @param paging how the operation pages
 */
record OperationSpec(
    Product product,
    String action,
    String method,
    PathTemplate path,
    List<String> required,
    List<List<String>> requiredOneOf,
    List<String> requiredBody,
    boolean bodyRequired,
    Paging paging) {

  OperationSpec {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(action, "action");
    required = List.copyOf(required);
    requiredOneOf = requiredOneOf.stream().map(List::copyOf).toList();
    requiredBody = List.copyOf(requiredBody);
    if ((product.style() == Product.Style.ROA) != (path != null)) {
      throw new IllegalArgumentException(action + ": ROA operations have a path, RPC operations none");
    }
  }

  /** {@code product:Action}, the name RAM policies and the fake cloud's fault plans use. */
  String name() {
    return product.code() + ":" + action;
  }

  /** {@code vpc 2016-04-28 DescribeVpcs} or {@code GET /api/v2/services/{ClusterId}/{ServiceName}}. */
  String describe() {
    return product.style() == Product.Style.RPC
        ? product.code() + " " + product.version() + " " + action
        : method + " " + path + " (" + product.code() + " " + product.version() + " " + action + ")";
  }
}
