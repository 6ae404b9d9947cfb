package io.easnet.core.analysis;

/** What a {@link PathResult} analyses. */
public enum PathKind {
  /** EAS instances to a private target in a VPC: RDS, Redis, ECS or an address. */
  PRIVATE_TARGET,
  /** EAS instances to the internet through a NAT gateway. */
  INTERNET,
  /** An ECS client connecting directly to the EAS instances in the VPC. */
  CLIENT_TO_SERVICE;

  /** The kind of path an intent asks about. */
  public static PathKind of(Intent intent) {
    if (intent instanceof Intent.Reach) {
      return PRIVATE_TARGET;
    }
    return intent instanceof Intent.Internet ? INTERNET : CLIENT_TO_SERVICE;
  }
}
