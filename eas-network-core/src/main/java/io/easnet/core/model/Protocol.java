package io.easnet.core.model;

/** The IP protocol of a security-group rule or flow. ICMP, ICMPv6 and GRE have no ports; ALL covers everything. */
public enum Protocol {
  TCP,
  UDP,
  ICMP,
  ICMPV6,
  GRE,
  ALL;

  /** True for TCP and UDP, the protocols with ports. */
  public boolean hasPorts() {
    return this == TCP || this == UDP;
  }

  /** True when a rule of this protocol matches a flow of protocol {@code flow}. */
  public boolean covers(Protocol flow) {
    return this == ALL || this == flow;
  }

  /** Parses {@code TCP}, {@code udp}, {@code ALL}, … case-insensitively. */
  public static Protocol parse(String s) {
    return Enums.parse(Protocol.class, s, "protocol");
  }
}
