package io.easnet.core.model;

/** An Internet NAT gateway ({@code internet}) gives internet egress through SNAT; a VPC NAT ({@code intranet}) does not. */
public enum NatNetworkType {
  INTERNET,
  INTRANET;

  public static NatNetworkType parse(String s) {
    return Enums.parse(NatNetworkType.class, s, "NAT network type");
  }
}
