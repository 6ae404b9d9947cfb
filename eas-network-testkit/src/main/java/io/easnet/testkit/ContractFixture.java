package io.easnet.testkit;

import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Objects;

/**
 * The resources {@link CloudPortContractTest} needs to exist before it runs. An implementation under test creates
 * them (for the fake or an emulator sharing its state, {@link #plant(FakeCloud)} does) and returns their ids.
 *
 * @param vpc a VPC
 * @param vSwitch a vSwitch of the VPC with at least 16 free addresses and no SNAT entry
 * @param securityGroup a basic security group of the VPC without rules, tagged {@code env=contract}
 * @param natGateway an available internet NAT gateway of the VPC, to which the VPC's system route table sends
 *     {@code 0.0.0.0/0}
 * @param snatTable the NAT gateway's SNAT table, without entries
 * @param eip an EIP address bound to the NAT gateway
 * @param rds an RDS instance with a private address, whose {@code default} allowlist group holds {@code 127.0.0.1}
 *     only, bound to {@code securityGroup}
 * @param redis a Redis instance with a private address, whose {@code default} allowlist group holds
 *     {@code 127.0.0.1} only, bound to {@code securityGroup}
 * @param resourceGroup a resource group without a VPC direct connection
 */
public record ContractFixture(
    VpcId vpc,
    VSwitchId vSwitch,
    SecurityGroupId securityGroup,
    NatGatewayId natGateway,
    SnatTableId snatTable,
    IpAddress eip,
    RdsInstanceId rds,
    RedisInstanceId redis,
    ResourceGroupId resourceGroup) {

  /** Checks that no component is null. */
  public ContractFixture {
    Objects.requireNonNull(vpc, "vpc");
    Objects.requireNonNull(vSwitch, "vSwitch");
    Objects.requireNonNull(securityGroup, "securityGroup");
    Objects.requireNonNull(natGateway, "natGateway");
    Objects.requireNonNull(snatTable, "snatTable");
    Objects.requireNonNull(eip, "eip");
    Objects.requireNonNull(rds, "rds");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(resourceGroup, "resourceGroup");
  }

  /** Plants the fixture's resources in a fake cloud (in a new VPC named {@code contract}) and returns their ids. */
  public static ContractFixture plant(FakeCloud fake) {
    fake.estate()
        .vpc("contract", "172.16.0.0/16")
        .vSwitch("contract-eas", "172.16.1.0/24")
        .vSwitch("contract-db", "172.16.2.0/24")
        .securityGroup("contract-sg")
        .securityGroupTag("contract-sg", "env", "contract")
        .natGateway("contract-nat")
        .eip("contract-nat", "47.96.0.10")
        .rds("contract-rds", "contract-db", "172.16.2.10", "contract-sg")
        .redis("contract-redis", "contract-db", "172.16.2.11", "contract-sg")
        .resourceGroup("contract-rg");
    NatGatewayId nat = fake.id(NatGatewayId.class, "contract-nat");
    SnatTableId table = fake.inventory().natGateway(nat).orElseThrow().snatTableIds().get(0);
    return new ContractFixture(
        fake.id(VpcId.class, "contract"),
        fake.id(VSwitchId.class, "contract-eas"),
        fake.id(SecurityGroupId.class, "contract-sg"),
        nat,
        table,
        IpAddress.parse("47.96.0.10"),
        fake.id(RdsInstanceId.class, "contract-rds"),
        fake.id(RedisInstanceId.class, "contract-redis"),
        fake.id(ResourceGroupId.class, "contract-rg"));
  }
}
