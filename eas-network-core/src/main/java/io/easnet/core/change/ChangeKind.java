package io.easnet.core.change;

import io.easnet.core.internal.json.Cursor;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kinds of {@link Change}, in the order a plan applies them: the service's own network first, then NAT gateway,
 * EIP, binding, SNAT entry and route (each needs the one before), then security-group rules and allowlists, which
 * need nothing. Each kind has its name in plan JSON and its reader.
 */
public enum ChangeKind {
  /** Write {@code cloud.networking} into the service JSON file (then deploy it with {@code eascmd}). */
  SET_SERVICE_NETWORKING("SetServiceNetworking", SetServiceNetworking::read),
  /** Change a resource group's VPC direct connection (UpdateResourceDLink); asynchronous. */
  UPDATE_DLINK("UpdateResourceDLink", UpdateDLink::read),
  /** Create an internet NAT gateway (CreateNatGateway); billed, asynchronous. */
  CREATE_NAT_GATEWAY("CreateNatGateway", CreateNatGateway::read),
  /** Allocate an EIP (AllocateEipAddress); billed. */
  ALLOCATE_EIP("AllocateEipAddress", AllocateEip::read),
  /** Bind an EIP to a NAT gateway (AssociateEipAddress). */
  BIND_EIP("AssociateEipAddress", BindEip::read),
  /** Create a SNAT entry for a vSwitch (CreateSnatEntry); asynchronous. */
  CREATE_SNAT_ENTRY("CreateSnatEntry", CreateSnatEntry::read),
  /** Route a destination to a NAT gateway (CreateRouteEntry). */
  ADD_ROUTE_ENTRY("CreateRouteEntry", AddRouteEntry::read),
  /** Authorize a security-group rule (AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress). */
  AUTHORIZE_SECURITY_GROUP_RULE("AuthorizeSecurityGroupRule", AuthorizeSecurityGroupRule::read),
  /** Append entries to an RDS or Redis allowlist group (ModifySecurityIps, Append). */
  APPEND_ALLOWLIST_ENTRIES("AppendAllowlistEntries", AppendAllowlistEntries::read);

  private final String jsonName;
  private final Function<Cursor, Change> reader;

  ChangeKind(String jsonName, Function<Cursor, Change> reader) {
    this.jsonName = jsonName;
    this.reader = reader;
  }

  /** The name in plan JSON ({@code "kind"}), e.g. {@code CreateSnatEntry}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Reads the parameters of a change of this kind: every id must be an id of its kind, every block a CIDR block, and
   * a value that may name what an earlier change creates either a literal or a reference
   * ({@code ${change-N.output}}; the plan checks that the change is earlier and has that output).
   */
  Change read(Cursor parameters) {
    return reader.apply(parameters);
  }

  /**
   * Reads the parameters of a change of this kind from a plan file (see {@link #read(Cursor)}).
   *
   * @param parameters the {@code parameters} object
   * @param pointer its JSON pointer in the file
   * @param source the file, as errors name it
   * @throws io.easnet.core.InvalidInputException naming the file, the pointer and the fix when a value is wrong
   */
  public Change read(com.fasterxml.jackson.databind.JsonNode parameters, String pointer, String source) {
    return read(Cursor.at(parameters, pointer, source));
  }

  /**
   * The order changes are taken in within one path: the kinds others depend on first (the apply order); rules and
   * allowlists depend on nothing and on each other not at all, so they keep the order the analysis gave them.
   */
  @SuppressWarnings("EnumOrdinal") // deliberate: the declaration order is the apply order (see above)
  public int rank() {
    return Math.min(ordinal(), AUTHORIZE_SECURITY_GROUP_RULE.ordinal());
  }

  /** The kind whose {@link #jsonName()} is {@code name}. */
  public static Optional<ChangeKind> ofJsonName(String name) {
    return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
  }
}
