package io.easnet.core.model;

/** A security-group rule's policy. The API accepts {@code accept}/{@code drop}; responses say {@code Accept}/{@code Drop}. */
public enum Policy {
  ACCEPT,
  DROP;

  /** Parses case-insensitively. */
  public static Policy parse(String s) {
    return Enums.parse(Policy.class, s, "policy");
  }
}
