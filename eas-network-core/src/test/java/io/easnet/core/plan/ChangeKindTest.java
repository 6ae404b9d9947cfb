package io.easnet.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.change.AddRouteEntry;
import io.easnet.core.change.AllocateEip;
import io.easnet.core.change.AppendAllowlistEntries;
import io.easnet.core.change.AuthorizeSecurityGroupRule;
import io.easnet.core.change.BindEip;
import io.easnet.core.change.Change;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.CreateNatGateway;
import io.easnet.core.change.CreateSnatEntry;
import io.easnet.core.change.SetServiceNetworking;
import io.easnet.core.change.UpdateDLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The change kinds as one hierarchy: every kind but the allocation is a remedy the analysis can emit, which the
 * planner binds into changes of a plan of that kind; and the fix and the planned change say one sentence.
 */
class ChangeKindTest {
  private static final Change.Gateway NGW_1 = Change.Gateway.existing(NatGatewayId.of("ngw-1"),
      List.of(SnatTableId.of("stb-1")));

  /** Remedies whose planned change names only literal ids, so the fix and the plan say the same sentence. */
  private static final List<Change> LITERAL = List.of(
      new AuthorizeSecurityGroupRule(SecurityGroupId.of("sg-db"), SecurityGroupRule.ingress().tcp(3306)
          .peer("sg-eas").policy(Policy.ACCEPT).priority(1).build()),
      new AuthorizeSecurityGroupRule(SecurityGroupId.of("sg-eas"), SecurityGroupRule.egress().tcp(443)
          .peer("0.0.0.0/0").policy(Policy.ACCEPT).priority(7).build()),
      new AppendAllowlistEntries("rds", "rm-1", "eas",
          List.of(Cidr.parse("192.168.1.0/24"), Cidr.parse("192.168.2.0/24"))),
      new io.easnet.core.change.RemoveAllowlistEntries("rds", "rm-1", "default", List.of(Cidr.parse("192.168.1.23")),
          "eas", Cidr.parse("192.168.1.0/24")),
      new CreateNatGateway(VpcId.of("vpc-a"), VSwitchId.of("vsw-db")),
      new AddRouteEntry(VpcId.of("vpc-a"), RouteTableId.of("vtb-1"), Cidr.parse("0.0.0.0/0"), NGW_1),
      new CreateSnatEntry(NGW_1, VSwitchId.of("vsw-a"), List.of("47.0.0.9")),
      new SetServiceNetworking("svc", ServiceNetworking.of("vpc-a", "vsw-a", "sg-eas")),
      new UpdateDLink(ResourceGroupId.of("eas-r-abc"), DLink.builder().vSwitchId("vsw-a")
          .securityGroupId("sg-eas").addAuxVSwitchId("vsw-b").addDestinationCidr("10.0.0.0/8").build()),
      new UpdateDLink(ResourceGroupId.of("eas-r-abc"), DLink.builder().vSwitchId("vsw-a")
          .securityGroupId("sg-eas").build()));

  /** Remedies with stand-ins (a new EIP) or what only the analysis knows (the address of an EIP). */
  private static final List<Change> OTHERS = List.of(
      BindEip.allocating(NGW_1),
      BindEip.existing(NGW_1, io.easnet.core.model.ResourceId.EipAllocationId.of("eip-1"),
          io.easnet.core.model.IpAddress.parse("47.0.0.9")));

  private static Change.Binding over(Inventory inventory) {
    return new Change.Binding() {
      @Override
      public Inventory inventory() {
        return inventory;
      }

      @Override
      public String symbolOf(String literal) {
        return literal;
      }

      @Override
      public Optional<Change> planned(String key) {
        return Optional.empty();
      }

      @Override
      public Optional<SetServiceNetworking.ServiceFile> serviceFile(String service) {
        return Optional.empty();
      }
    };
  }

  private static Change.Binding estate() {
    return over(PlanEstates.bare().addNatGateway(PlanEstates.natWithoutEip())
        .addEip(io.easnet.core.model.Eip.builder().id("eip-1").ipAddress("47.0.0.9").status("Available")).build());
  }

  @Test
  void everyKindButTheAllocationIsARemedyThatBindsToChangesOfItsKind() {
    List<Change> all = new java.util.ArrayList<>(LITERAL);
    all.addAll(OTHERS);
    Set<Class<?>> sampled = all.stream().map(Object::getClass).collect(Collectors.toSet());
    Set<Class<?>> kinds = Arrays.stream(Change.class.getPermittedSubclasses()).collect(Collectors.toSet());
    kinds.remove(AllocateEip.class);
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(kinds);

    Set<ChangeKind> making = EnumSet.noneOf(ChangeKind.class);
    for (Change r : all) {
      making.add(r.kind());
      List<Change> planned = r.bind(estate());
      assertThat(planned).as(r.describe()).isNotEmpty();
      assertThat(planned.get(planned.size() - 1).kind()).as(r.describe()).isEqualTo(r.kind());
    }
    assertThat(making).containsExactlyInAnyOrderElementsOf(Arrays.stream(ChangeKind.values())
        .filter(k -> k != ChangeKind.ALLOCATE_EIP).toList());
  }

  @Test
  void theFixAndThePlannedChangeSayOneSentence() {
    for (Change r : LITERAL) {
      List<Change> planned = r.bind(estate());
      assertThat(planned).hasSize(1);
      assertThat(planned.get(0).describe()).isEqualTo(r.describe());
    }
  }

  @Test
  void aNewEipIsAllocatedForTheGatewayThenBoundByReference() {
    List<Change> planned = BindEip.allocating(NGW_1).bind(estate());
    assertThat(planned).extracting(Change::kind).containsExactly(ChangeKind.ALLOCATE_EIP, ChangeKind.BIND_EIP);
    assertThat(BindEip.allocating(NGW_1).billed()).isTrue();
    assertThat(planned.get(1).billed()).isFalse();
    assertThat(planned.get(1).describe()).isEqualTo("bind EIP ${alloc:ngw-1.eipId} to NAT gateway ngw-1"
        + " (AssociateEipAddress with InstanceType Nat)");
  }

  @Test
  void remediesAreTakenInApplyOrderAndRulesAndAllowlistsRankAlike() {
    List<Integer> ranks = Arrays.stream(ChangeKind.values()).map(ChangeKind::rank).toList();
    assertThat(ranks).isSorted();
    assertThat(ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE.rank()).isEqualTo(ChangeKind.APPEND_ALLOWLIST_ENTRIES.rank());
    assertThat(ChangeKind.ADD_ROUTE_ENTRY.rank()).isLessThan(ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE.rank());
  }
}
