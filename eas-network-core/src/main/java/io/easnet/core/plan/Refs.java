package io.easnet.core.plan;

import java.util.Optional;

/**
 * References to what a change of the same plan creates: {@code ${change-1.natGatewayId}}. The planner uses its own
 * keys ({@code ${nat:vpc-1.natGatewayId}}) until the changes are numbered.
 */
final class Refs {
  private Refs() {}

  static String ref(String change, String output) {
    return "${" + change + "." + output + "}";
  }

  static boolean isRef(String value) {
    return value != null && value.startsWith("${") && value.endsWith("}") && value.lastIndexOf('.') > 2;
  }

  /** The change a reference names. */
  static Optional<String> changeOf(String value) {
    if (!isRef(value)) {
      return Optional.empty();
    }
    return Optional.of(value.substring(2, value.lastIndexOf('.')));
  }

  /** The output a reference names. */
  static String outputOf(String value) {
    return value.substring(value.lastIndexOf('.') + 1, value.length() - 1);
  }

  /** {@code value} with the change of a reference renamed. */
  static String rename(String value, java.util.function.UnaryOperator<String> change) {
    return changeOf(value).map(c -> ref(change.apply(c), outputOf(value))).orElse(value);
  }
}
