package io.easnet.core.plan;

import io.easnet.core.analysis.Remedy;
import io.easnet.core.internal.json.Cursor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The kinds of change a {@link Plan} holds, in the order a plan applies them: the service's own network first, then
 * NAT gateway, EIP, binding, SNAT entry and route (each needs the one before), then security-group rules and
 * allowlists, which need nothing.
 */
public enum ChangeKind {
  /** Write {@code cloud.networking} into the service JSON file (then deploy it with {@code eascmd}). */
  SET_SERVICE_NETWORKING("SetServiceNetworking", SetNetworking::read, Remedy.SetServiceNetworking.class,
      SetNetworking::plan),
  /** Change a resource group's VPC direct connection (UpdateResourceDLink); asynchronous. */
  UPDATE_DLINK("UpdateResourceDLink", UpdateDLink::read, Remedy.UpdateDLink.class,
      UpdateDLink::plan),
  /** Create an internet NAT gateway (CreateNatGateway); billed, asynchronous. */
  CREATE_NAT_GATEWAY("CreateNatGateway", CreateNat::read, Remedy.CreateNatGateway.class,
      CreateNat::plan),
  /** Allocate an EIP (AllocateEipAddress); billed. */
  ALLOCATE_EIP("AllocateEipAddress", AllocateEip::read),
  /** Bind an EIP to a NAT gateway (AssociateEipAddress). */
  BIND_EIP("AssociateEipAddress", BindEip::read, Remedy.BindEip.class,
      BindEip::plan),
  /** Create a SNAT entry for a vSwitch (CreateSnatEntry); asynchronous. */
  CREATE_SNAT_ENTRY("CreateSnatEntry", CreateSnat::read, Remedy.CreateSnatEntry.class,
      CreateSnat::plan),
  /** Route a destination to a NAT gateway (CreateRouteEntry). */
  ADD_ROUTE_ENTRY("CreateRouteEntry", AddRoute::read, Remedy.AddRouteEntry.class,
      AddRoute::plan),
  /** Authorize a security-group rule (AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress). */
  AUTHORIZE_SECURITY_GROUP_RULE("AuthorizeSecurityGroupRule", AuthorizeRule::read,
      Remedy.AuthorizeSecurityGroupRule.class, AuthorizeRule::plan),
  /** Append entries to an RDS or Redis allowlist group (ModifySecurityIps, Append). */
  APPEND_ALLOWLIST_ENTRIES("AppendAllowlistEntries", AppendAllowlist::read, Remedy.AppendAllowlistEntries.class,
      AppendAllowlist::plan);

  private final String jsonName;
  private final Function<Cursor, Action> reader;
  private final Class<? extends Remedy> remedy;
  private final BiFunction<Remedy, Planning, List<Action>> planner;

  /** A kind no remedy asks for directly (an EIP is allocated for the binding that needs it). */
  ChangeKind(String jsonName, Function<Cursor, Action> reader) {
    this.jsonName = jsonName;
    this.reader = reader;
    this.remedy = null;
    this.planner = null;
  }

  /** A kind that makes the remedies of type {@code remedy}, planned by {@code planner}. */
  <R extends Remedy> ChangeKind(String jsonName, Function<Cursor, Action> reader, Class<R> remedy,
      BiFunction<R, Planning, List<Action>> planner) {
    this.jsonName = jsonName;
    this.reader = reader;
    this.remedy = remedy;
    this.planner = (r, p) -> planner.apply(remedy.cast(r), p);
  }

  /** The name in plan JSON ({@code "kind"}), e.g. {@code CreateSnatEntry}. */
  public String jsonName() {
    return jsonName;
  }

  /** Reads the parameters of a change of this kind, with the checks its class makes. */
  Action read(Cursor parameters) {
    return reader.apply(parameters);
  }

  /** The kind that makes {@code r}. */
  static ChangeKind of(Remedy r) {
    for (ChangeKind k : values()) {
      if (k.remedy != null && k.remedy.isInstance(r)) {
        return k;
      }
    }
    throw new IllegalStateException("no change kind makes " + r.getClass().getSimpleName());
  }

  /** The changes that make {@code r} (this kind's, and any it needs first), or none when they cannot be planned yet. */
  List<Action> plan(Remedy r, Planning p) {
    return planner.apply(r, p);
  }

  /**
   * The order remedies are taken in within one path: the kinds others depend on first (the apply order); rules and
   * allowlists depend on nothing and on each other not at all, so they keep the order the analysis gave them.
   */
  @SuppressWarnings("EnumOrdinal") // deliberate: the declaration order is the apply order (see above)
  int rank() {
    return Math.min(ordinal(), AUTHORIZE_SECURITY_GROUP_RULE.ordinal());
  }

  /** The kind whose {@link #jsonName()} is {@code name}. */
  static Optional<ChangeKind> ofJsonName(String name) {
    return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
  }
}
