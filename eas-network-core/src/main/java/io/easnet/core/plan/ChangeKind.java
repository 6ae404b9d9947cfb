package io.easnet.core.plan;

import io.easnet.core.internal.json.Cursor;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kinds of change a {@link Plan} holds, in the order a plan applies them: the service's own network first, then
 * NAT gateway, EIP, binding, SNAT entry and route (each needs the one before), then security-group rules and
 * allowlists, which need nothing.
 */
public enum ChangeKind {
  /** Write {@code cloud.networking} into the service JSON file (then deploy it with {@code eascmd}). */
  SET_SERVICE_NETWORKING("SetServiceNetworking", SetNetworking::read),
  /** Change a resource group's VPC direct connection (UpdateResourceDLink); asynchronous. */
  UPDATE_DLINK("UpdateResourceDLink", UpdateDLink::read),
  /** Create an internet NAT gateway (CreateNatGateway); billed, asynchronous. */
  CREATE_NAT_GATEWAY("CreateNatGateway", CreateNat::read),
  /** Allocate an EIP (AllocateEipAddress); billed. */
  ALLOCATE_EIP("AllocateEipAddress", AllocateEip::read),
  /** Bind an EIP to a NAT gateway (AssociateEipAddress). */
  BIND_EIP("AssociateEipAddress", BindEip::read),
  /** Create a SNAT entry for a vSwitch (CreateSnatEntry); asynchronous. */
  CREATE_SNAT_ENTRY("CreateSnatEntry", CreateSnat::read),
  /** Route a destination to a NAT gateway (CreateRouteEntry). */
  ADD_ROUTE_ENTRY("CreateRouteEntry", AddRoute::read),
  /** Authorize a security-group rule (AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress). */
  AUTHORIZE_SECURITY_GROUP_RULE("AuthorizeSecurityGroupRule", AuthorizeRule::read),
  /** Append entries to an RDS or Redis allowlist group (ModifySecurityIps, Append). */
  APPEND_ALLOWLIST_ENTRIES("AppendAllowlistEntries", AppendAllowlist::read);

  private final String jsonName;
  private final Function<Cursor, Action> reader;

  ChangeKind(String jsonName, Function<Cursor, Action> reader) {
    this.jsonName = jsonName;
    this.reader = reader;
  }

  /** The name in plan JSON ({@code "kind"}), e.g. {@code CreateSnatEntry}. */
  public String jsonName() {
    return jsonName;
  }

  /** Reads the parameters of a change of this kind, with the checks its class makes. */
  Action read(Cursor parameters) {
    return reader.apply(parameters);
  }

  /** The kind whose {@link #jsonName()} is {@code name}. */
  static Optional<ChangeKind> ofJsonName(String name) {
    return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
  }
}
