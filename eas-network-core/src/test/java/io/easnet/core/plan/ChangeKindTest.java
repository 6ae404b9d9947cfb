package io.easnet.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Component;
import io.easnet.core.analysis.Remedy;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.RdsInstanceId;
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
 * The change kinds as one registry: every remedy the analysis can emit is made by exactly one kind, which plans it;
 * and where the fix and the planned change name the same literal ids, they print the same sentence.
 */
class ChangeKindTest {
  private static final Remedy.ExistingGateway NGW_1 = new Remedy.ExistingGateway(NatGatewayId.of("ngw-1"),
      List.of(SnatTableId.of("stb-1")));

  /** Remedies whose planned change names only literal ids, so the fix and the plan say the same sentence. */
  private static final List<Remedy> LITERAL = List.of(
      new Remedy.AuthorizeSecurityGroupRule(SecurityGroupId.of("sg-db"), SecurityGroupRule.ingress().tcp(3306)
          .peer("sg-eas").policy(Policy.ACCEPT).priority(1).build()),
      new Remedy.AuthorizeSecurityGroupRule(SecurityGroupId.of("sg-eas"), SecurityGroupRule.egress().tcp(443)
          .peer("0.0.0.0/0").policy(Policy.ACCEPT).priority(7).build()),
      new Remedy.AppendAllowlistEntries(Component.of(Component.Kind.RDS_INSTANCE, RdsInstanceId.of("rm-1")), "eas",
          List.of(Cidr.parse("192.168.1.0/24"), Cidr.parse("192.168.2.0/24"))),
      new Remedy.CreateNatGateway(VpcId.of("vpc-a"), VSwitchId.of("vsw-db")),
      new Remedy.AddRouteEntry(RouteTableId.of("vtb-1"), Cidr.parse("0.0.0.0/0"), NGW_1),
      new Remedy.UpdateDLink(ResourceGroupId.of("eas-r-abc"), DLink.builder().vSwitchId("vsw-a")
          .securityGroupId("sg-eas").addAuxVSwitchId("vsw-b").addDestinationCidr("10.0.0.0/8").build()),
      new Remedy.UpdateDLink(ResourceGroupId.of("eas-r-abc"), DLink.builder().vSwitchId("vsw-a")
          .securityGroupId("sg-eas").build()));

  /** Remedies whose planned change names what the plan writes (a gateway id, a file), not what the fix says. */
  private static final List<Remedy> OTHERS = List.of(
      new Remedy.BindEip(NGW_1, new Remedy.Eip.Allocate()),
      new Remedy.CreateSnatEntry(NGW_1, VSwitchId.of("vsw-a"), List.of(io.easnet.core.model.IpAddress.parse(
          "47.0.0.9"))),
      new Remedy.SetServiceNetworking("svc", ServiceNetworking.of("vpc-a", "vsw-a", "sg-eas")));

  private static Planning over(PlanState state) {
    return new Planning() {
      @Override
      public PlanState state() {
        return state;
      }

      @Override
      public Optional<Action> planned(String key) {
        return Optional.empty();
      }

      @Override
      public SetNetworking.ServiceFile serviceFile(String service) {
        return null;
      }
    };
  }

  private static Planning estate() {
    return over(PlanState.of(PlanEstates.bare().addNatGateway(PlanEstates.natWithoutEip()).build(), List.of()));
  }

  @Test
  void everyRemedyTypeIsMadeByOneKindAndEveryKindButTheAllocationMakesOne() {
    List<Remedy> all = new java.util.ArrayList<>(LITERAL);
    all.addAll(OTHERS);
    Set<Class<?>> sampled = all.stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrder(Remedy.class.getPermittedSubclasses());

    Set<ChangeKind> making = EnumSet.noneOf(ChangeKind.class);
    for (Remedy r : all) {
      ChangeKind kind = ChangeKind.of(r);
      making.add(kind);
      List<Action> planned = kind.plan(r, estate());
      assertThat(planned).as(r.describe()).isNotEmpty();
      assertThat(planned.get(planned.size() - 1).kind()).as(r.describe()).isEqualTo(kind);
    }
    assertThat(making).containsExactlyInAnyOrderElementsOf(Arrays.stream(ChangeKind.values())
        .filter(k -> k != ChangeKind.ALLOCATE_EIP).toList());
  }

  @Test
  void theFixAndThePlannedChangeSayOneSentence() {
    for (Remedy r : LITERAL) {
      List<Action> planned = ChangeKind.of(r).plan(r, estate());
      assertThat(planned).hasSize(1);
      assertThat(planned.get(0).describe()).isEqualTo(r.describe());
    }
  }

  @Test
  void remediesAreTakenInApplyOrderAndRulesAndAllowlistsRankAlike() {
    List<Integer> ranks = Arrays.stream(ChangeKind.values()).map(ChangeKind::rank).toList();
    assertThat(ranks).isSorted();
    assertThat(ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE.rank()).isEqualTo(ChangeKind.APPEND_ALLOWLIST_ENTRIES.rank());
    assertThat(ChangeKind.ADD_ROUTE_ENTRY.rank()).isLessThan(ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE.rank());
  }
}
