package io.easnet.core.change;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * References to what a change of the same plan creates: {@code ${change-1.natGatewayId}}. The planner uses its own
 * keys ({@code ${nat:vpc-1.natGatewayId}}) until the changes are numbered; the analysis' stand-ins are such keys.
 */
public final class Refs {
  private Refs() {}

  /** The reference to {@code output} of {@code change}. */
  public static String ref(String change, String output) {
    return "${" + change + "." + output + "}";
  }

  /** True when {@code value} is a reference. */
  public static boolean isRef(String value) {
    return value != null && value.startsWith("${") && value.endsWith("}") && value.lastIndexOf('.') > 2;
  }

  /** The change a reference names. */
  public static Optional<String> changeOf(String value) {
    if (!isRef(value)) {
      return Optional.empty();
    }
    return Optional.of(value.substring(2, value.lastIndexOf('.')));
  }

  /** The output a reference names. */
  public static String outputOf(String value) {
    return value.substring(value.lastIndexOf('.') + 1, value.length() - 1);
  }

  /** {@code value} with the change of a reference renamed. */
  public static String rename(String value, UnaryOperator<String> change) {
    return changeOf(value).map(c -> ref(change.apply(c), outputOf(value))).orElse(value);
  }
}
