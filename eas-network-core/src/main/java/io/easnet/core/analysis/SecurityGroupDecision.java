package io.easnet.core.analysis;

/** The decision of a set of security groups for one flow. */
public enum SecurityGroupDecision {
  /** The flow is allowed (for every address of the peer block). */
  ALLOW,
  /** The flow is denied (for at least one address of the peer block). */
  DENY,
  /** The decision depends on a fact the inventory lacks, such as the entries of a prefix list. */
  UNDETERMINED
}
