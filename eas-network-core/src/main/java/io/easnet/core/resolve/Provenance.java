package io.easnet.core.resolve;

/** Where the effective VPC configuration of a service comes from. */
public enum Provenance {
  /** The service's own {@code cloud.networking} block; it wins over the resource group as a whole. */
  SERVICE,
  /** The dedicated resource group's VPC direct connection (DLink). */
  RESOURCE_GROUP,
  /** Neither: the service has no VPC, hence no private access and no internet egress. */
  NONE,
  /**
   * Not known: the service sets no networking block and names a resource group whose configuration was not given (not
   * in the inventory). It may or may not have a VPC direct connection; analyses of it are undetermined.
   */
  UNKNOWN
}
