package io.easnet.core.model;

/**
 * Basic groups ({@code normal} in the API) allow all egress and ingress from members of the same group when nothing
 * matches; enterprise (advanced) groups deny both.
 */
public enum SecurityGroupType {
  BASIC("normal"),
  ENTERPRISE("enterprise");

  private final String apiName;

  SecurityGroupType(String apiName) {
    this.apiName = apiName;
  }

  /** The value of {@code SecurityGroupType} in the ECS API. */
  public String apiName() {
    return apiName;
  }

  /** Parses {@code normal}/{@code basic} or {@code enterprise}, case-insensitively. */
  public static SecurityGroupType parse(String s) {
    if (s != null) {
      for (SecurityGroupType t : values()) {
        if (t.apiName.equalsIgnoreCase(s.trim()) || t.name().equalsIgnoreCase(s.trim())) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException(
        "\"" + s + "\" is not a security group type: use normal (basic) or enterprise");
  }
}
