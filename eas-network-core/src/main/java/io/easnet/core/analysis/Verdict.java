package io.easnet.core.analysis;

/** The verdict on a path. */
public enum Verdict {
  /** Every analysed vSwitch (every instance) reaches the target. */
  REACHABLE,
  /** No analysed vSwitch reaches the target; the explanations say why. */
  UNREACHABLE,
  /** Some vSwitches or instances reach the target and some do not. */
  AMBIGUOUS,
  /** A fact the analysis needs is missing; the assumptions and explanations say which. */
  UNDETERMINED;

  /**
   * Combines per-vSwitch verdicts: all reachable → {@link #REACHABLE}; all unreachable → {@link #UNREACHABLE}; any
   * undetermined → {@link #UNDETERMINED}; otherwise {@link #AMBIGUOUS}. An empty list is {@link #UNREACHABLE}.
   */
  public static Verdict combine(Iterable<Verdict> verdicts) {
    boolean any = false;
    boolean allReachable = true;
    boolean allUnreachable = true;
    boolean undetermined = false;
    for (Verdict v : verdicts) {
      any = true;
      allReachable &= v == REACHABLE;
      allUnreachable &= v == UNREACHABLE;
      undetermined |= v == UNDETERMINED;
    }
    if (!any || allUnreachable) {
      return UNREACHABLE;
    }
    if (allReachable) {
      return REACHABLE;
    }
    return undetermined ? UNDETERMINED : AMBIGUOUS;
  }
}
