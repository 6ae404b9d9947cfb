package io.easnet.core.analysis;

/** The state of one {@link Hop} of a path. */
public enum HopStatus {
  /** The hop lets the traffic through. */
  PASS,
  /** The hop stops the traffic; an explanation says why. */
  BLOCKED,
  /** The hop lets only part of the traffic through (for example a SNAT entry covering part of the vSwitch). */
  PARTIAL,
  /** The analysis cannot tell: a fact is missing. */
  UNKNOWN
}
