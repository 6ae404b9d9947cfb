package io.easnet.core.analysis;

import java.util.List;

/**
 * Stable codes for the reasons a path is blocked or cannot be decided. Codes are never renamed or reused; new codes
 * may be added. Each code lists the kinds of {@link Remedy} its explanations may carry ({@link #remedies()}); a code
 * with none is fixed by a decision or a fact, never by one change, and its explanations carry advice.
 */
public enum ExplanationCode {
  VPC_NONE("The service has no VPC configuration, so it has no private access and no internet egress."),
  VPC_MISMATCH("The two ends are in different VPCs and the inventory holds no peering or CEN evidence."),
  VSWITCH_NOT_FOUND("A configured vSwitch is not in the inventory."),
  VSWITCH_NOT_IN_VPC("A configured vSwitch belongs to another VPC than the one configured.",
      Remedy.SetServiceNetworking.class),
  SECURITY_GROUP_NOT_FOUND("The configured security group is missing from the configuration or the inventory."),
  SECURITY_GROUP_NOT_IN_VPC("The configured security group belongs to another VPC than the one configured."),
  SG_EGRESS_DENIES("The outbound rules of the sending side's security groups deny the flow.",
      Remedy.AuthorizeSecurityGroupRule.class),
  SG_INGRESS_DENIES("The inbound rules of the receiving side's security groups deny the flow.",
      Remedy.AuthorizeSecurityGroupRule.class),
  PREFIX_LIST_UNKNOWN("A deciding rule refers to a prefix list whose entries the inventory does not hold."),
  TARGET_NOT_FOUND("The target (RDS, Redis or ECS instance) is not in the inventory."),
  TARGET_ADDRESS_UNKNOWN("The target's private address or VPC is not known, so the flow cannot be evaluated."),
  TARGET_ALLOWLIST_MISSING_SOURCE("The target's IP allowlist does not admit the whole EAS vSwitch CIDR block.",
      Remedy.AppendAllowlistEntries.class),
  TARGET_ALLOWLIST_SINGLE_INSTANCE_IP(
      "The target's allowlist admits single addresses inside the EAS vSwitch; instances change IP on restart.",
      Remedy.AppendAllowlistEntries.class),
  CLIENT_NOT_FOUND("The client ECS instance is not in the inventory."),
  NAT_MISSING("The VPC has no internet NAT gateway.", Remedy.CreateNatGateway.class),
  NAT_NOT_INTERNET("The VPC's NAT gateways are VPC (private) NAT gateways, which give no internet egress.",
      Remedy.CreateNatGateway.class),
  NAT_NOT_AVAILABLE("The NAT gateway is not in the Available state."),
  NAT_NO_EIP("The NAT gateway has no elastic IP address bound.", Remedy.BindEip.class),
  SNAT_NO_ENTRY_FOR_SOURCE("No SNAT entry covers the EAS vSwitch, neither by vSwitch id nor by a CIDR block.",
      Remedy.CreateSnatEntry.class),
  SNAT_PARTIAL_COVERAGE("SNAT entries cover only part of the EAS vSwitch CIDR block.", Remedy.CreateSnatEntry.class),
  SNAT_ENTRY_NOT_AVAILABLE("The SNAT entry covering the EAS vSwitch is not in the Available state."),
  ROUTE_TABLE_NOT_FOUND("The route table the vSwitch uses is not in the inventory."),
  ROUTE_NO_NAT("The vSwitch's route table does not send the destination (0.0.0.0/0) to the NAT gateway.",
      Remedy.AddRouteEntry.class),
  EXTERNAL_ALLOWLIST_MISSING_EIP("The external target's allowlist holds none of the SNAT entry's EIPs."),
  VSWITCH_IP_EXHAUSTED_AT_SCALE(
      "The vSwitch has fewer free private IPs than the services need at peak, including rolling-update surge."),
  RESOURCE_GROUP_UNKNOWN(
      "The service names a resource group the inventory does not hold and sets no networking block, so the network"
          + " in effect is unknown."),
  DLINK_CLIENT_OUTSIDE_RETURN_ROUTES(
      "Under the resource group's VPC direct connection, the client's address is outside the return routes (primary"
          + " vSwitch, listed client vSwitches, destination CIDRs), so replies never reach it.",
      Remedy.UpdateDLink.class),
  DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES(
      "Under the resource group's VPC direct connection, the destination is outside the return routes, so the"
          + " instances' traffic to it does not leave through their network interface.",
      Remedy.UpdateDLink.class, Remedy.SetServiceNetworking.class),
  DLINK_ROUTE_VSWITCH_NOT_FOUND(
      "A client vSwitch of the resource group's return routes is not in the inventory, so whether it covers an"
          + " address is unknown.");

  private final String description;
  private final List<Class<? extends Remedy>> remedies;

  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only copied into an immutable List, never stored or exposed
  ExplanationCode(String description, Class<? extends Remedy>... remedies) {
    this.description = description;
    this.remedies = List.of(remedies);
  }

  /** One sentence saying what the code means. */
  public String description() {
    return description;
  }

  /** The kinds of remedy an explanation with this code may carry; empty when no single change fixes it. */
  public List<Class<? extends Remedy>> remedies() {
    return remedies;
  }
}
