package io.easnet.core.plan;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of change a {@link Plan} holds, in the order a plan applies them: the service's own network first, then
 * NAT gateway, EIP, binding, SNAT entry and route (each needs the one before), then security-group rules and
 * allowlists, which need nothing.
 */
public enum ChangeKind {
  /** Write {@code cloud.networking} into the service JSON file (then deploy it with {@code eascmd}). */
  SET_SERVICE_NETWORKING("SetServiceNetworking"),
  /** Change a resource group's VPC direct connection (UpdateResourceDLink); asynchronous. */
  UPDATE_DLINK("UpdateResourceDLink"),
  /** Create an internet NAT gateway (CreateNatGateway); billed, asynchronous. */
  CREATE_NAT_GATEWAY("CreateNatGateway"),
  /** Allocate an EIP (AllocateEipAddress); billed. */
  ALLOCATE_EIP("AllocateEipAddress"),
  /** Bind an EIP to a NAT gateway (AssociateEipAddress). */
  BIND_EIP("AssociateEipAddress"),
  /** Create a SNAT entry for a vSwitch (CreateSnatEntry); asynchronous. */
  CREATE_SNAT_ENTRY("CreateSnatEntry"),
  /** Route a destination to a NAT gateway (CreateRouteEntry). */
  ADD_ROUTE_ENTRY("CreateRouteEntry"),
  /** Authorize a security-group rule (AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress). */
  AUTHORIZE_SECURITY_GROUP_RULE("AuthorizeSecurityGroupRule"),
  /** Append entries to an RDS or Redis allowlist group (ModifySecurityIps, Append). */
  APPEND_ALLOWLIST_ENTRIES("AppendAllowlistEntries");

  private final String jsonName;

  ChangeKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in plan JSON ({@code "kind"}), e.g. {@code CreateSnatEntry}. */
  public String jsonName() {
    return jsonName;
  }

  /** The kind whose {@link #jsonName()} is {@code name}. */
  static Optional<ChangeKind> ofJsonName(String name) {
    return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
  }
}
