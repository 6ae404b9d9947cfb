package io.easnet.testkit.internal.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Every operation the Aliyun adapter uses ({@code io.easnet.core.spi.CloudActions}), with what the API reference
 * ({@code docs/wire.md}) says a request must carry and how each pages. Sizes marked "not in the reference" are
 * the documented values of the public API pages as far as known, and are the first thing to correct.
 */
final class OperationTable {
  private static final List<OperationSpec> ALL = build();

  private OperationTable() {}

  static List<OperationSpec> all() {
    return ALL;
  }

  static OperationSpec byName(String name) {
    for (OperationSpec s : ALL) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no operation " + name + " in the table; known: "
        + ALL.stream().map(OperationSpec::name).toList());
  }

  private static List<OperationSpec> build() {
    List<OperationSpec> t = new ArrayList<>();
    // VPC 2016-04-28 (§3): PageSize default 10, max 50; DescribeEipAddresses max 100.
    t.add(rpc(Product.VPC, "DescribeVpcs", List.of("RegionId"), List.of(), Paging.pageNumber(10, 50)));
    t.add(rpc(Product.VPC, "DescribeVSwitches", List.of(), List.of(List.of("RegionId", "VpcId")),
        Paging.pageNumber(10, 50)));
    t.add(rpc(Product.VPC, "DescribeNatGateways", List.of("RegionId"), List.of(), Paging.pageNumber(10, 50)));
    t.add(rpc(Product.VPC, "DescribeSnatTableEntries", List.of("RegionId"),
        List.of(List.of("SnatTableId", "NatGatewayId")), Paging.pageNumber(10, 50)));
    t.add(rpc(Product.VPC, "DescribeEipAddresses", List.of("RegionId"), List.of(), Paging.pageNumber(10, 100)));
    // not in the reference: DescribeRouteTableList pages like the other VPC lists (default 10, max 50)
    t.add(rpc(Product.VPC, "DescribeRouteTableList", List.of("RegionId"), List.of(), Paging.pageNumber(10, 50)));
    // §3.7: the entries of one route table, MaxResult (singular) 1-100, default 10, and NextToken
    t.add(rpc(Product.VPC, "DescribeRouteEntryList", List.of("RegionId", "RouteTableId"), List.of(),
        Paging.nextToken(1, 10, 100, "MaxResult")));
    t.add(rpc(Product.VPC, "CreateSnatEntry", List.of("RegionId", "SnatTableId", "SnatIp"),
        List.of(List.of("SourceVSwitchId", "SourceCIDR")), Paging.NONE));
    t.add(rpc(Product.VPC, "DeleteSnatEntry", List.of("RegionId", "SnatTableId", "SnatEntryId"), List.of(),
        Paging.NONE));
    // the remedies' writes (VPC API pages CreateRouteEntry, DeleteRouteEntry, AssociateEipAddress,
    // UnassociateEipAddress, CreateNatGateway, AllocateEipAddress); required parameters as those pages mark them
    t.add(rpc(Product.VPC, "CreateRouteEntry", List.of("RegionId", "RouteTableId", "DestinationCidrBlock"),
        List.of(), Paging.NONE));
    t.add(rpc(Product.VPC, "DeleteRouteEntry", List.of("RegionId"),
        List.of(List.of("RouteEntryId", "RouteTableId")), Paging.NONE));
    t.add(rpc(Product.VPC, "AssociateEipAddress", List.of("AllocationId", "InstanceId"), List.of(), Paging.NONE));
    t.add(rpc(Product.VPC, "UnassociateEipAddress", List.of("AllocationId", "InstanceId"), List.of(), Paging.NONE));
    t.add(rpc(Product.VPC, "CreateNatGateway", List.of("RegionId", "VpcId"), List.of(), Paging.NONE));
    t.add(rpc(Product.VPC, "AllocateEipAddress", List.of("RegionId"), List.of(), Paging.NONE));
    // ECS 2014-05-26 (§4): NextToken/MaxResults.
    t.add(rpc(Product.ECS, "DescribeSecurityGroups", List.of("RegionId"), List.of(), Paging.nextToken(1, 10, 100)));
    t.add(rpc(Product.ECS, "DescribeSecurityGroupAttribute", List.of("RegionId", "SecurityGroupId"), List.of(),
        Paging.nextToken(10, 500, 1000)));
    for (String a : List.of("AuthorizeSecurityGroup", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroup",
        "RevokeSecurityGroupEgress")) {
      t.add(rpc(Product.ECS, a, List.of("RegionId", "SecurityGroupId"), List.of(), Paging.NONE));
    }
    // not in the reference: ECS DescribeInstances, MaxResults 1-100, default 10
    t.add(rpc(Product.ECS, "DescribeInstances", List.of("RegionId"), List.of(), Paging.nextToken(1, 10, 100)));
    // RDS 2014-08-15 (§5.1); not in the reference: DescribeDBInstances PageSize 30-100, default 30
    t.add(rpc(Product.RDS, "DescribeDBInstances", List.of("RegionId"), List.of(), Paging.pageNumber(30, 30, 100)));
    t.add(rpc(Product.RDS, "DescribeDBInstanceAttribute", List.of("DBInstanceId"), List.of(), Paging.NONE));
    t.add(rpc(Product.RDS, "DescribeDBInstanceIPArrayList", List.of("DBInstanceId"), List.of(), Paging.NONE));
    // the address and port of an instance (official SDK rds20140815 DescribeDBInstanceNetInfoRequest)
    t.add(rpc(Product.RDS, "DescribeDBInstanceNetInfo", List.of("DBInstanceId"), List.of(), Paging.NONE));
    // the bound ECS security groups (official SDK rds20140815 DescribeSecurityGroupConfigurationRequest)
    t.add(rpc(Product.RDS, "DescribeSecurityGroupConfiguration", List.of("DBInstanceId"), List.of(), Paging.NONE));
    t.add(rpc(Product.RDS, "ModifySecurityIps", List.of("DBInstanceId", "SecurityIps"), List.of(), Paging.NONE));
    // R-KVStore 2015-01-01 (§5.2); not in the reference: DescribeInstances PageSize 30, 50 or 100, default 30
    t.add(rpc(Product.KVSTORE, "DescribeInstances", List.of(), List.of(), Paging.pageNumber(30, 30, 100)));
    t.add(rpc(Product.KVSTORE, "DescribeInstanceAttribute", List.of("InstanceId"), List.of(), Paging.NONE));
    t.add(rpc(Product.KVSTORE, "DescribeSecurityIps", List.of("InstanceId"), List.of(), Paging.NONE));
    // the bound ECS security groups (official SDK r_kvstore20150101 DescribeSecurityGroupConfigurationRequest)
    t.add(rpc(Product.KVSTORE, "DescribeSecurityGroupConfiguration", List.of("InstanceId"), List.of(),
        Paging.NONE));
    t.add(rpc(Product.KVSTORE, "ModifySecurityIps", List.of("InstanceId", "SecurityIps"), List.of(), Paging.NONE));
    // EAS 2021-07-01, ROA (§2.2).
    t.add(roa("DescribeService", "GET", "/api/v2/services/{ClusterId}/{ServiceName}", List.of(), false,
        Paging.NONE));
    t.add(roa("CreateService", "POST", "/api/v2/services", List.of(), true, Paging.NONE));
    // ListServices documents PageSize 100 as its example; the maximum is not documented (UNCERTAIN)
    t.add(roa("ListServices", "GET", "/api/v2/services", List.of(), false, Paging.pageNumber(100, 100)));
    t.add(roa("UpdateService", "PUT", "/api/v2/services/{ClusterId}/{ServiceName}", List.of(), true, Paging.NONE));
    // not in the reference: the maximum ListResources PageSize (the reference shows 20 as an example)
    t.add(roa("ListResources", "GET", "/api/v2/resources", List.of(), false, Paging.pageNumber(20, 100)));
    t.add(roa("DescribeResource", "GET", "/api/v2/resources/{ClusterId}/{ResourceId}", List.of(), false,
        Paging.NONE));
    t.add(roa("DescribeResourceDLink", "GET", "/api/v2/resources/{ClusterId}/{ResourceId}/dlink", List.of(), false,
        Paging.NONE));
    t.add(roa("UpdateResourceDLink", "PUT", "/api/v2/resources/{ClusterId}/{ResourceId}/dlink",
        List.of("VSwitchId", "SecurityGroupId"), true, Paging.NONE));
    t.add(roa("DeleteResourceDLink", "DELETE", "/api/v2/resources/{ClusterId}/{ResourceId}/dlink", List.of(), false,
        Paging.NONE));
    return List.copyOf(t);
  }

  private static OperationSpec rpc(Product product, String action, List<String> required,
      List<List<String>> requiredOneOf, Paging paging) {
    return new OperationSpec(product, action, "", null, required, requiredOneOf, List.of(), false, paging);
  }

  private static OperationSpec roa(String action, String method, String path, List<String> requiredBody,
      boolean bodyRequired, Paging paging) {
    return new OperationSpec(Product.EAS, action, method, PathTemplate.of(path), List.of(), List.of(), requiredBody,
        bodyRequired, paging);
  }
}
