package io.easnet.core.spi;

import java.util.List;

/**
 * The names of the cloud actions behind the port's methods, spelled as in RAM policies ({@code product:Action}).
 * Implementations use them in {@link io.easnet.core.CloudServiceException#action()}, the inventory loader reports
 * them to its listener and the fake cloud records them, so tests can count calls by name.
 */
public final class CloudActions {
  private CloudActions() {}

  /** {@link VpcApi#describeVpcs()} and {@link VpcApi#describeVpc}. */
  public static final String DESCRIBE_VPCS = "vpc:DescribeVpcs";
  /** {@link VpcApi#describeVSwitches} and {@link VpcApi#describeVSwitch}. */
  public static final String DESCRIBE_VSWITCHES = "vpc:DescribeVSwitches";
  /** {@link VpcApi#describeNatGateways} and {@link VpcApi#describeNatGateway}. */
  public static final String DESCRIBE_NAT_GATEWAYS = "vpc:DescribeNatGateways";
  /** {@link VpcApi#describeSnatEntries} and {@link VpcApi#describeSnatEntry}. */
  public static final String DESCRIBE_SNAT_ENTRIES = "vpc:DescribeSnatTableEntries";
  /** {@link VpcApi#describeEips}. */
  public static final String DESCRIBE_EIPS = "vpc:DescribeEipAddresses";
  /** {@link VpcApi#describeRouteTables}. */
  public static final String DESCRIBE_ROUTE_TABLES = "vpc:DescribeRouteTableList";
  /** {@link VpcApi#createSnatEntry}. */
  public static final String CREATE_SNAT_ENTRY = "vpc:CreateSnatEntry";
  /** {@link VpcApi#deleteSnatEntry}. */
  public static final String DELETE_SNAT_ENTRY = "vpc:DeleteSnatEntry";
  /** {@link VpcApi#createRouteEntry}. */
  public static final String CREATE_ROUTE_ENTRY = "vpc:CreateRouteEntry";
  /** {@link VpcApi#deleteRouteEntry}. */
  public static final String DELETE_ROUTE_ENTRY = "vpc:DeleteRouteEntry";
  /** {@link VpcApi#associateEip}. */
  public static final String ASSOCIATE_EIP = "vpc:AssociateEipAddress";
  /** {@link VpcApi#unassociateEip}. */
  public static final String UNASSOCIATE_EIP = "vpc:UnassociateEipAddress";
  /** {@link VpcApi#createNatGateway} (billed). */
  public static final String CREATE_NAT_GATEWAY = "vpc:CreateNatGateway";
  /** {@link VpcApi#allocateEip} (billed). */
  public static final String ALLOCATE_EIP = "vpc:AllocateEipAddress";

  /** {@link EcsApi#describeSecurityGroups}. */
  public static final String DESCRIBE_SECURITY_GROUPS = "ecs:DescribeSecurityGroups";
  /** {@link EcsApi#describeSecurityGroup}. */
  public static final String DESCRIBE_SECURITY_GROUP_ATTRIBUTE = "ecs:DescribeSecurityGroupAttribute";
  /** {@link EcsApi#authorizeRule} for an ingress rule. */
  public static final String AUTHORIZE_SECURITY_GROUP = "ecs:AuthorizeSecurityGroup";
  /** {@link EcsApi#authorizeRule} for an egress rule. */
  public static final String AUTHORIZE_SECURITY_GROUP_EGRESS = "ecs:AuthorizeSecurityGroupEgress";
  /** {@link EcsApi#revokeRule} for an ingress rule. */
  public static final String REVOKE_SECURITY_GROUP = "ecs:RevokeSecurityGroup";
  /** {@link EcsApi#revokeRule} for an egress rule. */
  public static final String REVOKE_SECURITY_GROUP_EGRESS = "ecs:RevokeSecurityGroupEgress";
  /** {@link EcsApi#describeInstances} and {@link EcsApi#describeInstance}. */
  public static final String DESCRIBE_INSTANCES = "ecs:DescribeInstances";

  /** {@link RdsApi#describeInstances}. */
  public static final String RDS_DESCRIBE_INSTANCES = "rds:DescribeDBInstances";
  /** {@link RdsApi#describeInstance}. */
  public static final String RDS_DESCRIBE_INSTANCE = "rds:DescribeDBInstanceAttribute";
  /** {@link RdsApi#describeAllowlists}. */
  public static final String RDS_DESCRIBE_ALLOWLISTS = "rds:DescribeDBInstanceIPArrayList";
  /**
   * The private address and port of an RDS instance, read by {@link RdsApi#describeInstances} and
   * {@link RdsApi#describeInstance} (one request per instance).
   */
  public static final String RDS_DESCRIBE_NET_INFO = "rds:DescribeDBInstanceNetInfo";
  /**
   * The ECS security groups bound to an RDS instance, read by {@link RdsApi#describeInstances} and
   * {@link RdsApi#describeInstance} (one request per instance).
   */
  public static final String RDS_DESCRIBE_SECURITY_GROUPS = "rds:DescribeSecurityGroupConfiguration";
  /** {@link RdsApi#appendAllowlistEntries} and {@link RdsApi#deleteAllowlistEntries}. */
  public static final String RDS_MODIFY_SECURITY_IPS = "rds:ModifySecurityIps";

  /** {@link RedisApi#describeInstances}. */
  public static final String REDIS_DESCRIBE_INSTANCES = "kvstore:DescribeInstances";
  /** {@link RedisApi#describeInstance}. */
  public static final String REDIS_DESCRIBE_INSTANCE = "kvstore:DescribeInstanceAttribute";
  /** {@link RedisApi#describeAllowlists}. */
  public static final String REDIS_DESCRIBE_ALLOWLISTS = "kvstore:DescribeSecurityIps";
  /**
   * The ECS security groups bound to a Redis instance, read by {@link RedisApi#describeInstances} and
   * {@link RedisApi#describeInstance} (one request per instance).
   */
  public static final String REDIS_DESCRIBE_SECURITY_GROUPS = "kvstore:DescribeSecurityGroupConfiguration";
  /** {@link RedisApi#appendAllowlistEntries} and {@link RedisApi#deleteAllowlistEntries}. */
  public static final String REDIS_MODIFY_SECURITY_IPS = "kvstore:ModifySecurityIps";

  /** {@link EasApi#describeService} and {@link EasApi#describeServiceStatus}. */
  public static final String DESCRIBE_SERVICE = "eas:DescribeService";
  /** {@link EasApi#createService}. */
  public static final String CREATE_SERVICE = "eas:CreateService";
  /** {@link EasApi#updateService}. */
  public static final String UPDATE_SERVICE = "eas:UpdateService";
  /** {@link EasApi#listServices}. */
  public static final String LIST_SERVICES = "eas:ListServices";
  /** {@link EasApi#describeResourceGroups}. */
  public static final String LIST_RESOURCES = "eas:ListResources";
  /** {@link EasApi#describeResourceDLink}. */
  public static final String DESCRIBE_RESOURCE_DLINK = "eas:DescribeResourceDLink";
  /** {@link EasApi#describeResourceDLinkStatus}. */
  public static final String DESCRIBE_RESOURCE = "eas:DescribeResource";
  /** {@link EasApi#updateResourceDLink}. */
  public static final String UPDATE_RESOURCE_DLINK = "eas:UpdateResourceDLink";
  /** {@link EasApi#deleteResourceDLink}. */
  public static final String DELETE_RESOURCE_DLINK = "eas:DeleteResourceDLink";

  /** Every action above, in declaration order. */
  public static List<String> all() {
    return List.of(
        DESCRIBE_VPCS, DESCRIBE_VSWITCHES, DESCRIBE_NAT_GATEWAYS, DESCRIBE_SNAT_ENTRIES, DESCRIBE_EIPS,
        DESCRIBE_ROUTE_TABLES, CREATE_SNAT_ENTRY, DELETE_SNAT_ENTRY, CREATE_ROUTE_ENTRY, DELETE_ROUTE_ENTRY,
        ASSOCIATE_EIP, UNASSOCIATE_EIP, CREATE_NAT_GATEWAY, ALLOCATE_EIP, DESCRIBE_SECURITY_GROUPS,
        DESCRIBE_SECURITY_GROUP_ATTRIBUTE, AUTHORIZE_SECURITY_GROUP, AUTHORIZE_SECURITY_GROUP_EGRESS,
        REVOKE_SECURITY_GROUP, REVOKE_SECURITY_GROUP_EGRESS, DESCRIBE_INSTANCES, RDS_DESCRIBE_INSTANCES,
        RDS_DESCRIBE_INSTANCE, RDS_DESCRIBE_ALLOWLISTS, RDS_DESCRIBE_NET_INFO, RDS_DESCRIBE_SECURITY_GROUPS,
        RDS_MODIFY_SECURITY_IPS, REDIS_DESCRIBE_INSTANCES, REDIS_DESCRIBE_INSTANCE, REDIS_DESCRIBE_ALLOWLISTS,
        REDIS_DESCRIBE_SECURITY_GROUPS, REDIS_MODIFY_SECURITY_IPS, DESCRIBE_SERVICE,
        CREATE_SERVICE, UPDATE_SERVICE, LIST_SERVICES, LIST_RESOURCES, DESCRIBE_RESOURCE_DLINK, DESCRIBE_RESOURCE,
        UPDATE_RESOURCE_DLINK, DELETE_RESOURCE_DLINK);
  }
}
