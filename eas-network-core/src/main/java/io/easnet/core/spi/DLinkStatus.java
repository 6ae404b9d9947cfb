package io.easnet.core.spi;

/**
 * Where the VPC direct connection of a resource group stands ({@link EasApi#describeResourceDLinkStatus}).
 * {@code UpdateResourceDLink} answers "Network interfaces are updating": the connection is {@link #UPDATING} until
 * every instance's network interface is in place, then {@link #READY}.
 */
public enum DLinkStatus {
  /** No VPC direct connection is configured. */
  NONE,
  /** The network interfaces are being created or changed. */
  UPDATING,
  /** The network interfaces are in place. */
  READY
}
