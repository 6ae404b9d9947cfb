package io.easnet.testkit;

import io.easnet.core.CloudServiceException.Kind;
import io.easnet.testkit.internal.wire.ErrorCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Declarative, seeded faults for a {@link FakeCloud}, per action: an error code with a probability, and a latency.
 * Whether call number <i>k</i> of an action fails depends only on the fake's seed, the action and <i>k</i>, so the
 * same seed replays the same run.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder()
 *     .fail(CloudActions.DESCRIBE_VSWITCHES, "Throttling", 0.3)
 *     .fail(FaultPlan.ANY_ACTION, "ServiceUnavailable", 0.01)
 *     .latency(CloudActions.DESCRIBE_VPCS, Duration.ofMillis(250))
 *     .build();
 * }</pre>
 *
 * <p>The same plan in its text form, as {@code eas-net emulator --faults} takes it ({@link #parse}):
 * {@code throttling=0.3/2s,server-error=0.01,latency@vpc:DescribeVpcs=250ms}.
 *
 * <p>Latency is not slept: the fake's clock moves forward by it. Error codes map to a {@link Kind} with
 * {@link ErrorCodes#kindOf(String, int)}, as the Aliyun adapter maps the real cloud's codes.
 */
public final class FaultPlan {
  /** Matches every action. */
  public static final String ANY_ACTION = "*";

  /** The code of {@link Builder#throttle}: user flow control, as Alibaba answers it. */
  static final String THROTTLING_CODE = "Throttling.User";

  private static final FaultPlan NONE = new FaultPlan(List.of());

  private final List<Fault> faults;

  /** One declared fault. */
  record Fault(String action, Optional<String> code, double probability, Duration latency, Duration retryAfter) {
    boolean matches(String a) {
      return action.equals(ANY_ACTION) || action.equals(a);
    }
  }

  private FaultPlan(List<Fault> faults) {
    this.faults = List.copyOf(faults);
  }

  /** No faults: every call succeeds at once. */
  public static FaultPlan none() {
    return NONE;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  List<Fault> faults() {
    return faults;
  }

  /** True when the plan declares nothing. */
  public boolean isEmpty() {
    return faults.isEmpty();
  }

  /**
   * The kind of failure an error code means when no HTTP status is known; the same as
   * {@link ErrorCodes#kindOf(String, int) ErrorCodes.kindOf(code, 0)}, which holds the rules.
   */
  public static Kind kindOf(String code) {
    return ErrorCodes.kindOf(code, 0);
  }

  /** The code of {@code server-error} in {@link #parse}: Alibaba's 503. */
  static final String SERVER_ERROR_CODE = "ServiceUnavailable";

  /** The code of {@code conflict} in {@link #parse}: "the resource is busy, try again". */
  static final String CONFLICT_CODE = "OperationConflict";

  /** The retry-after of a {@code throttling} item that gives none. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** The longest text {@link #parse} reads, and the most items. */
  static final int MAX_TEXT = 4_096;

  static final int MAX_ITEMS = 64;

  /**
   * Reads a plan from its text form: items separated by commas, each {@code KIND[@ACTION]=VALUE}, where ACTION is
   * a {@code CloudActions} name such as {@code vpc:DescribeVpcs} (every action when left out):
   * <ul>
   *   <li>{@code throttling=RATE[/RETRY_AFTER]}: {@code Throttling.User} with a retry-after (default 1 s);
   *   <li>{@code server-error=RATE}: {@code ServiceUnavailable} (HTTP 503);
   *   <li>{@code conflict=RATE}: {@code OperationConflict} (a busy resource; retryable);
   *   <li>{@code error:CODE=RATE}: any error code, e.g. {@code error:InternalError=0.01};
   *   <li>{@code latency=DURATION}: added to every matching call.
   * </ul>
   * A RATE is a probability from 0 to 1; a DURATION is a whole number with {@code ms}, {@code s} or {@code m}
   * (up to one day). An empty text is {@link #none()}.
   *
   * @throws IllegalArgumentException naming the item, what is wrong and the accepted form
   */
  public static FaultPlan parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("a fault plan is at most " + MAX_TEXT + " characters, was "
          + text.length());
    }
    if (text.isBlank()) {
      return none();
    }
    String[] items = text.split(",", -1);
    if (items.length > MAX_ITEMS) {
      throw new IllegalArgumentException("a fault plan has at most " + MAX_ITEMS + " items, was " + items.length);
    }
    Builder b = builder();
    for (String raw : items) {
      String item = raw.strip();
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw bad(item, "it is not KIND[@ACTION]=VALUE");
      }
      String head = item.substring(0, eq).strip();
      String value = item.substring(eq + 1).strip();
      String action = ANY_ACTION;
      int at = head.indexOf('@');
      if (at >= 0) {
        action = head.substring(at + 1).strip();
        head = head.substring(0, at).strip();
        if (!io.easnet.core.spi.CloudActions.all().contains(action)) {
          throw bad(item, "the action \"" + printable(action) + "\" is not one the fake serves; use a name such as "
              + io.easnet.core.spi.CloudActions.DESCRIBE_VPCS + ", or leave @ACTION out for every action");
        }
      }
      try {
        if (head.equals("throttling")) {
          int slash = value.indexOf('/');
          double rate = rate(slash < 0 ? value : value.substring(0, slash));
          Duration after = slash < 0 ? DEFAULT_RETRY_AFTER : duration(value.substring(slash + 1));
          b.throttle(action, rate, after);
        } else if (head.equals("server-error")) {
          b.fail(action, SERVER_ERROR_CODE, rate(value));
        } else if (head.equals("conflict")) {
          b.fail(action, CONFLICT_CODE, rate(value));
        } else if (head.startsWith("error:")) {
          String code = head.substring("error:".length()).strip();
          if (!code.matches("[A-Za-z][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("the error code \"" + printable(code) + "\" is not a code such as"
                + " InternalError or Forbidden.RAM (letters, digits, '.', '_', '-')");
          }
          b.fail(action, code, rate(value));
        } else if (head.equals("latency")) {
          b.latency(action, duration(value));
        } else {
          throw new IllegalArgumentException("the kind \"" + printable(head) + "\" is unknown; the kinds are"
              + " throttling, server-error, conflict, error:CODE and latency");
        }
      } catch (IllegalArgumentException e) {
        throw bad(item, e.getMessage());
      }
    }
    return b.build();
  }

  private static IllegalArgumentException bad(String item, String problem) {
    return new IllegalArgumentException("fault \"" + printable(item) + "\": " + problem + " (e.g."
        + " throttling=0.3/2s,server-error=0.01,conflict@vpc:CreateSnatEntry=0.2,error:InternalError=0.01,"
        + "latency=20ms)");
  }

  /** At most 100 characters, control characters shown as '?', so a message never carries terminal escapes. */
  private static String printable(String s) {
    String cut = s.length() > 100 ? s.substring(0, 100) + "…" : s;
    return cut.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\x{2028}\\x{2029}]", "?");
  }

  /** A probability from 0 to 1. */
  static double rate(String text) {
    String t = text.strip();
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the rate \"" + printable(t) + "\" is not a number from 0 to 1");
    }
    if (!(v >= 0.0 && v <= 1.0) || t.chars().anyMatch(Character::isLetter)) {
      throw new IllegalArgumentException("the rate " + printable(t) + " is not a probability from 0 to 1");
    }
    return v;
  }

  /** {@code 250ms}, {@code 2s} or {@code 1m}: a whole number and a unit, at most one day. */
  static Duration duration(String text) {
    String t = text.strip();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)").matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("the duration \"" + printable(t) + "\" is not a whole number with ms, s"
          + " or m, e.g. 250ms or 2s");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
    if (d.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("the duration " + t + " is longer than one day");
    }
    return d;
  }

  @Override
  public String toString() {
    return "FaultPlan" + faults;
  }

  /** Builds a {@link FaultPlan}; each setter checks its arguments. */
  public static final class Builder {
    private final List<Fault> faults = new ArrayList<>();

    private Builder() {}

    /**
     * Fails calls of {@code action} (or {@link #ANY_ACTION}) with {@code code} with the given probability.
     *
     * @throws IllegalArgumentException for a probability outside 0 to 1 or an empty action or code
     */
    public Builder fail(String action, String code, double probability) {
      checkAction(action);
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("code must not be blank, e.g. \"Throttling\" or \"InternalError\"");
      }
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
      }
      faults.add(new Fault(action, Optional.of(code), probability, Duration.ZERO, Duration.ZERO));
      return this;
    }

    /**
     * Throttles calls of {@code action} (or {@link #ANY_ACTION}) with the given probability: code
     * {@code Throttling.User}, HTTP 400, and a retry-after that the port face reports as
     * {@code CloudServiceException.retryAfterSeconds()} (rounded up) and the wire emulator sends as
     * {@code x-acs-retry-after} in milliseconds.
     *
     * @throws IllegalArgumentException for a probability outside 0 to 1 or a retry-after that is not positive
     */
    public Builder throttle(String action, double probability, Duration retryAfter) {
      checkAction(action);
      Objects.requireNonNull(retryAfter, "retryAfter must not be null");
      if (retryAfter.isNegative() || retryAfter.isZero() || retryAfter.toMillis() == 0) {
        throw new IllegalArgumentException("retryAfter must be at least 1 ms, was " + retryAfter);
      }
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
      }
      faults.add(new Fault(action, Optional.of(THROTTLING_CODE), probability, Duration.ZERO, retryAfter));
      return this;
    }

    /** Fails every call of {@code action} with {@code code}. */
    public Builder fail(String action, String code) {
      return fail(action, code, 1.0);
    }

    /**
     * Makes each call of {@code action} (or {@link #ANY_ACTION}) take {@code latency} on the fake's clock.
     *
     * @throws IllegalArgumentException for a negative latency
     */
    public Builder latency(String action, Duration latency) {
      checkAction(action);
      Objects.requireNonNull(latency, "latency must not be null");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must be >= 0, was " + latency);
      }
      faults.add(new Fault(action, Optional.empty(), 0.0, latency, Duration.ZERO));
      return this;
    }

    private static void checkAction(String action) {
      if (action == null || action.isBlank()) {
        throw new IllegalArgumentException(
            "action must not be blank: use a CloudActions constant or FaultPlan.ANY_ACTION");
      }
    }

    /** The plan. */
    public FaultPlan build() {
      return new FaultPlan(faults);
    }
  }
}
