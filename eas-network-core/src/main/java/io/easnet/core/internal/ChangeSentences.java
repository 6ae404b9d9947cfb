package io.easnet.core.internal;

import java.util.List;
import java.util.Locale;

/**
 * The one sentence of each kind of change, naming its API call: what the analysis prints as the fix
 * ({@code analysis.Remedy#describe}) and what the plan and the applier print ({@code plan.Action#describe}) are both
 * built here, so the two faces of a change cannot drift apart. The analysis names what to fix (e.g. "the new internet
 * NAT gateway of vpc-1"); the plan names what it writes (an id, or a reference such as
 * {@code ${change-1.natGatewayId}}).
 */
public final class ChangeSentences {
  /** How the analysis says a networking block is deployed. */
  public static final String NETWORKING_BY_UPDATE_SERVICE = "service JSON, then UpdateService";

  /** How a plan says it: the applier writes the file; the user deploys it. */
  public static final String NETWORKING_BY_EASCMD = "service JSON; deploy it with eascmd update";

  private ChangeSentences() {}

  /** AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress; {@code protocol} as the enum names it (e.g. TCP). */
  public static String authorizeRule(boolean egress, String securityGroupId, String protocol, String portRange,
      String peer, int priority) {
    return "add an " + (egress ? "egress" : "ingress") + " rule to " + securityGroupId + ": accept "
        + protocol.toLowerCase(Locale.ROOT) + " " + portRange + (egress ? " to " : " from ")
        + (peer.startsWith("sg-") ? "security group " + peer : peer) + " at priority " + priority + " ("
        + (egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroup") + ")";
  }

  /** ModifySecurityIps with ModifyMode Append. */
  public static String appendAllowlist(List<String> entries, String group, String instanceId) {
    return "append " + String.join(", ", entries) + " to allowlist group " + group + " of " + instanceId
        + " (ModifySecurityIps with ModifyMode Append)";
  }

  /** CreateNatGateway (internet, billed). */
  public static String createNatGateway(String vpcId, String vSwitchId) {
    return "create an internet NAT gateway in " + vpcId + " on vSwitch " + vSwitchId
        + " (CreateNatGateway with NetworkType internet; billed)";
  }

  /** AssociateEipAddress; {@code eip} and {@code gateway} are phrases, e.g. "EIP eip-1" and "ngw-1". */
  public static String bindEip(String eip, String gateway) {
    return "bind " + eip + " to " + gateway + " (AssociateEipAddress with InstanceType Nat)";
  }

  /** CreateSnatEntry; {@code snatTableId} may be null (looked up when applied). */
  public static String createSnatEntry(String gateway, String snatTableId, String sourceVSwitchId, String snatIps) {
    return "create a SNAT entry on " + gateway + (snatTableId == null ? "" : " (table " + snatTableId + ")")
        + " with SourceVSwitchId " + sourceVSwitchId + " and SnatIp " + snatIps + " (CreateSnatEntry)";
  }

  /** CreateRouteEntry to a NAT gateway. */
  public static String addRouteEntry(String destination, String natGateway, String routeTableId) {
    return "add a route entry " + destination + " with next hop type NatGateway " + natGateway + " to "
        + routeTableId + " (CreateRouteEntry)";
  }

  /** UpdateResourceDLink; the lists are left out when empty. */
  public static String updateDLink(String resourceGroupId, String vSwitchId, String securityGroupId,
      List<String> auxVSwitchIds, List<String> destinationCidrs) {
    return "update the VPC direct connection of " + resourceGroupId + " (UpdateResourceDLink): VSwitchId "
        + vSwitchId + ", SecurityGroupId " + securityGroupId
        + (auxVSwitchIds.isEmpty() ? "" : ", VSwitchIdList " + String.join(",", auxVSwitchIds))
        + (destinationCidrs.isEmpty() ? "" : ", DestinationCIDRs " + String.join(",", destinationCidrs));
  }

  /** The service's cloud.networking; {@code file} may be null; {@code how} says how it reaches the service. */
  public static String setServiceNetworking(String service, String file, String vpcId, String vSwitchId,
      String securityGroupId, String how) {
    return "set cloud.networking of service " + service + (file == null ? "" : " in " + file) + " to vpc_id "
        + vpcId + ", vswitch_id " + vSwitchId + ", security_group_id " + securityGroupId + " (" + how + ")";
  }
}
