package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.AllowlistApi;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.SnatEntryRequest;
import io.easnet.core.spi.UpdateType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of the {@link CloudPort}: every implementation extends it and passes. It checks describe
 * round trips, idempotent writes, quotas (200 rules, 1,000 allowlist entries), the SNAT source rules, the
 * allowlist keep-one rule, typed not-found failures, the merge semantics of {@code UpdateService} and the DLink
 * life cycle.
 *
 * <pre>{@code
 * class MyPortConformanceTest extends CloudPortContractTest {
 *   private final MyPort port = …;
 *   private final ContractFixture fixture = …; // the resources the suite needs, created in your cloud
 *   protected CloudPort port() { return port; }
 *   protected ContractFixture fixture() { return fixture; }
 * }
 * }</pre>
 *
 * <p>Name the subclass {@code …ConformanceTest} (or anything ending in {@code Test}): the build excludes
 * {@code *ContractTest} classes, which are abstract suites. Each test may change the fixture's resources; give each
 * test a fresh fixture, or make sure the changes it leaves are harmless.
 */
public abstract class CloudPortContractTest {
  private static final AtomicInteger UNIQUE = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The implementation under test. */
  protected abstract CloudPort port();

  /** The resources the suite works on; see {@link ContractFixture}. */
  protected abstract ContractFixture fixture();

  // ------------------------------------------------------------------------------------------- describe

  @Test
  void describeVpcReturnsTheVpcAndDescribeVpcsListsIt() {
    Vpc vpc = port().vpc().describeVpc(fixture().vpc());
    assertThat(vpc.id()).isEqualTo(fixture().vpc());
    assertThat(port().vpc().describeVpcs()).extracting(Vpc::id).contains(fixture().vpc());
  }

  @Test
  void describeVSwitchAndDescribeVSwitchesAgree() {
    VSwitch one = port().vpc().describeVSwitch(fixture().vSwitch());
    assertThat(one.vpcId()).isEqualTo(fixture().vpc());
    assertThat(one.availableIpAddressCount()).isGreaterThanOrEqualTo(16).isLessThanOrEqualTo(one.usableIpCount());
    assertThat(port().vpc().describeVSwitches(fixture().vpc()))
        .filteredOn(v -> v.id().equals(fixture().vSwitch()))
        .singleElement()
        .satisfies(v -> assertThat(v.cidrBlock()).isEqualTo(one.cidrBlock()));
  }

  @Test
  void describeNatGatewaysListsTheGatewayWithItsSnatTableAndEip() {
    assertThat(port().vpc().describeNatGateways(fixture().vpc()))
        .filteredOn(n -> n.id().equals(fixture().natGateway()))
        .singleElement()
        .satisfies(n -> assertThat(n.snatTableIds()).contains(fixture().snatTable()));
    assertThat(port().vpc().describeEips(fixture().natGateway()))
        .anySatisfy(e -> assertThat(e.ipAddress()).isEqualTo(fixture().eip()));
  }

  @Test
  void describeSecurityGroupsListsTheGroupOfTheVpc() {
    assertThat(port().ecs().describeSecurityGroups(fixture().vpc()))
        .extracting(SecurityGroup::id)
        .contains(fixture().securityGroup());
    assertThat(port().ecs().describeSecurityGroup(fixture().securityGroup()).vpcId()).isEqualTo(fixture().vpc());
  }

  @Test
  void describeAllowlistTargetsReturnsTheirDefaultGroup() {
    assertThat(port().rds().describeInstance(fixture().rds()).allowlists())
        .extracting(AllowlistGroup::name).contains("default");
    assertThat(port().redis().describeAllowlists(fixture().redis()))
        .extracting(AllowlistGroup::name).contains("default");
  }

  // ------------------------------------------------------------------------------------------- not found

  @Test
  void unknownVpcVSwitchAndGroupAreNotFound() {
    assertFails(() -> port().vpc().describeVpc(VpcId.of("vpc-contractmissing0")), Kind.NOT_FOUND,
        CloudActions.DESCRIBE_VPCS);
    assertFails(() -> port().vpc().describeVSwitch(VSwitchId.of("vsw-contractmissing0")), Kind.NOT_FOUND,
        CloudActions.DESCRIBE_VSWITCHES);
    assertFails(() -> port().ecs().describeSecurityGroup(SecurityGroupId.of("sg-contractmissing0")), Kind.NOT_FOUND,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE);
  }

  @Test
  void authorizingOnAnUnknownGroupIsNotFound() {
    assertFails(
        () -> port().ecs().authorizeRule(SecurityGroupId.of("sg-contractmissing0"), ingressTcp(22)),
        Kind.NOT_FOUND, CloudActions.AUTHORIZE_SECURITY_GROUP);
  }

  @Test
  void unknownAllowlistTargetsServicesAndResourceGroupsAreNotFound() {
    assertFails(() -> port().rds().describeInstance(RdsInstanceId.of("rm-contractmissing0")), Kind.NOT_FOUND,
        CloudActions.RDS_DESCRIBE_INSTANCE);
    assertFails(() -> port().redis().describeAllowlists(RedisInstanceId.of("r-contractmissing0")), Kind.NOT_FOUND,
        CloudActions.REDIS_DESCRIBE_ALLOWLISTS);
    assertFails(() -> port().eas().describeService("contract-missing-service"), Kind.NOT_FOUND,
        CloudActions.DESCRIBE_SERVICE);
    assertFails(() -> port().eas().describeResourceDLink(ResourceGroupId.of("eas-r-contractmissing0")),
        Kind.NOT_FOUND, CloudActions.DESCRIBE_RESOURCE_DLINK);
  }

  // ------------------------------------------------------------------------------------------- security groups

  @Test
  void authorizedRuleIsDescribed() {
    SecurityGroupRule rule = SecurityGroupRule.egress().tcp(3306).peer("172.16.2.0/24").priority(5).build();
    port().ecs().authorizeRule(fixture().securityGroup(), rule);
    assertThat(rules()).filteredOn(r -> r.sameRuleAs(rule)).hasSize(1);
  }

  @Test
  void authorizingTheSameRuleTwiceKeepsOneRule() {
    SecurityGroupRule rule = ingressTcp(443);
    port().ecs().authorizeRule(fixture().securityGroup(), rule);
    port().ecs().authorizeRule(fixture().securityGroup(), rule.toBuilder().description("again").build());
    assertThat(rules()).filteredOn(r -> r.sameRuleAs(rule)).hasSize(1);
  }

  @Test
  void revokedRuleIsGoneAndRevokingAgainSucceeds() {
    SecurityGroupRule keep = ingressTcp(80);
    SecurityGroupRule drop = ingressTcp(8080);
    port().ecs().authorizeRule(fixture().securityGroup(), keep);
    port().ecs().authorizeRule(fixture().securityGroup(), drop);
    port().ecs().revokeRule(fixture().securityGroup(), drop);
    assertThat(rules()).noneMatch(r -> r.sameRuleAs(drop)).anyMatch(r -> r.sameRuleAs(keep));
    assertThatCode(() -> port().ecs().revokeRule(fixture().securityGroup(), drop)).doesNotThrowAnyException();
  }

  @Test
  void aGroupHoldsAtMost200Rules() {
    int existing = rules().size();
    for (int i = 0; existing + i < 200; i++) {
      port().ecs().authorizeRule(fixture().securityGroup(), ingressTcp(10_000 + i));
    }
    assertThat(rules()).hasSize(200);
    assertFails(() -> port().ecs().authorizeRule(fixture().securityGroup(), ingressTcp(20_000)),
        Kind.QUOTA_EXCEEDED, CloudActions.AUTHORIZE_SECURITY_GROUP);
    assertThatCode(() -> port().ecs().authorizeRule(fixture().securityGroup(), ingressTcp(10_000)))
        .as("re-authorizing an existing rule at the quota is still idempotent")
        .doesNotThrowAnyException();
    assertThat(rules()).hasSize(200);
  }

  @Test
  void concurrentAuthorizationsOfTheSameRulesLeaveOneCopyOfEach() throws Exception {
    List<SecurityGroupRule> rules = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rules.add(ingressTcp(30_000 + i));
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      tasks.add(() -> {
        for (SecurityGroupRule rule : rules) {
          port().ecs().authorizeRule(fixture().securityGroup(), rule);
        }
        return null;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (SecurityGroupRule rule : rules) {
      assertThat(rules()).filteredOn(r -> r.sameRuleAs(rule)).hasSize(1);
    }
  }

  // ------------------------------------------------------------------------------------------- SNAT

  @Test
  void snatEntryWithBothVSwitchAndCidrIsInvalid() {
    SnatEntryRequest both = snat().sourceVSwitchId(fixture().vSwitch()).sourceCidr(Cidr.parse("172.16.1.0/24"))
        .build();
    assertFails(() -> port().vpc().createSnatEntry(both), Kind.INVALID_PARAMETER, CloudActions.CREATE_SNAT_ENTRY);
    assertFails(() -> port().vpc().createSnatEntry(snat().build()), Kind.INVALID_PARAMETER,
        CloudActions.CREATE_SNAT_ENTRY);
  }

  @Test
  void createdSnatEntryIsDescribedAndCreatingItAgainIsIdempotent() {
    SnatEntryRequest request = snat().sourceVSwitchId(fixture().vSwitch()).name("contract-entry").build();
    SnatEntryId id = port().vpc().createSnatEntry(request);
    assertThat(port().vpc().createSnatEntry(request)).isEqualTo(id);
    assertThat(port().vpc().describeSnatEntries(fixture().natGateway()))
        .filteredOn(e -> e.id().equals(id))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.sourceVSwitchId()).contains(fixture().vSwitch());
          assertThat(e.snatIps()).containsExactly(fixture().eip());
          assertThat(e.status()).isIn("Pending", "Available");
        });
  }

  @Test
  void aVSwitchSitsInAtMostOneSnatEntry() {
    port().vpc().createSnatEntry(snat().sourceVSwitchId(fixture().vSwitch()).name("first").build());
    assertFails(() -> port().vpc().createSnatEntry(snat().sourceVSwitchId(fixture().vSwitch()).name("second")
        .build()), Kind.ALREADY_EXISTS, CloudActions.CREATE_SNAT_ENTRY);
  }

  @Test
  void deletedSnatEntryIsGoneAndDeletingAgainSucceeds() {
    SnatEntryId id = port().vpc().createSnatEntry(snat().sourceCidr(Cidr.parse("172.16.3.0/24")).build());
    port().vpc().deleteSnatEntry(fixture().snatTable(), id);
    assertThat(port().vpc().describeSnatEntries(fixture().natGateway()))
        .filteredOn(e -> e.id().equals(id))
        .allSatisfy(e -> assertThat(e.status()).isEqualTo("Deleting"));
    assertThatCode(() -> port().vpc().deleteSnatEntry(fixture().snatTable(), id)).doesNotThrowAnyException();
  }

  // ------------------------------------------------------------------------------------------- allowlists

  @Test
  void rdsAllowlistAppendIsIdempotentAndDeleteRemoves() {
    appendAndDelete(port().rds(), fixture().rds());
  }

  @Test
  void redisAllowlistAppendIsIdempotentAndDeleteRemoves() {
    appendAndDelete(port().redis(), fixture().redis());
  }

  @Test
  void rdsAllowlistDeleteMustLeaveOneEntry() {
    keepOne(port().rds(), fixture().rds());
  }

  @Test
  void redisAllowlistDeleteMustLeaveOneEntry() {
    keepOne(port().redis(), fixture().redis());
  }

  @Test
  void rdsAllowlistHoldsAtMost1000Entries() {
    quota(port().rds(), fixture().rds());
  }

  @Test
  void redisAllowlistHoldsAtMost1000Entries() {
    quota(port().redis(), fixture().redis());
  }

  private <I extends ResourceId, T extends AllowlistTarget> void appendAndDelete(AllowlistApi<I, T> api, I id) {
    Cidr a = Cidr.parse("172.16.1.0/24");
    Cidr b = Cidr.parse("10.1.0.0/16");
    api.appendAllowlistEntries(id, "default", List.of(a, b));
    api.appendAllowlistEntries(id, "default", List.of(a));
    assertThat(group(api, id, "default").entries()).containsOnlyOnce(a, b);
    api.deleteAllowlistEntries(id, "default", List.of(b));
    assertThat(group(api, id, "default").entries()).contains(a).doesNotContain(b);
  }

  private <I extends ResourceId, T extends AllowlistTarget> void keepOne(AllowlistApi<I, T> api, I id) {
    List<Cidr> all = group(api, id, "default").entries();
    assertFails(() -> api.deleteAllowlistEntries(id, "default", all), Kind.INVALID_PARAMETER, null);
    assertThat(group(api, id, "default").entries()).isEqualTo(all);
  }

  private <I extends ResourceId, T extends AllowlistTarget> void quota(AllowlistApi<I, T> api, I id) {
    int existing = api.describeAllowlists(id).stream().mapToInt(g -> g.entries().size()).sum();
    List<Cidr> fill = new ArrayList<>();
    for (int i = 0; existing + fill.size() < 1000; i++) {
      fill.add(Cidr.ofIpv4(0x0A_00_00_00L + i));
    }
    api.appendAllowlistEntries(id, "bulk", fill);
    assertThat(api.describeAllowlists(id).stream().mapToInt(g -> g.entries().size()).sum()).isEqualTo(1000);
    assertFails(() -> api.appendAllowlistEntries(id, "bulk", List.of(Cidr.parse("192.0.2.1/32"))),
        Kind.QUOTA_EXCEEDED, null);
  }

  private static <I extends ResourceId, T extends AllowlistTarget> AllowlistGroup group(
      AllowlistApi<I, T> api, I id, String name) {
    return api.describeAllowlists(id).stream().filter(g -> g.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no allowlist group " + name + " on " + id));
  }

  // ------------------------------------------------------------------------------------------- EAS

  @Test
  void updateServiceMergesByDefaultAndReplacesOnRequest() throws Exception {
    String name = uniqueService();
    port().eas().createService(serviceJson(name, 1));
    port().eas().updateService(name, "{\"metadata\":{\"instance\":2}}", UpdateType.MERGE);
    JsonNode merged = JSON.readTree(port().eas().describeService(name));
    assertThat(merged.at("/metadata/instance").asInt()).isEqualTo(2);
    assertThat(merged.at("/metadata/name").asText()).isEqualTo(name);
    assertThat(merged.at("/containers/0/port").asInt()).isEqualTo(8000);
    assertThat(merged.at("/cloud/networking/vswitch_id").asText()).isEqualTo(fixture().vSwitch().value());

    port().eas().updateService(name, "{\"metadata\":{\"name\":\"" + name + "\",\"instance\":1}}", UpdateType.REPLACE);
    JsonNode replaced = JSON.readTree(port().eas().describeService(name));
    assertThat(replaced.at("/metadata/instance").asInt()).isEqualTo(1);
    assertThat(replaced.has("containers")).isFalse();
  }

  @Test
  void creatingAServiceTwiceIsAlreadyExistsAndUpdatingAMissingOneIsNotFound() {
    String name = uniqueService();
    port().eas().createService(serviceJson(name, 1));
    assertFails(() -> port().eas().createService(serviceJson(name, 1)), Kind.ALREADY_EXISTS,
        CloudActions.CREATE_SERVICE);
    assertFails(() -> port().eas().updateService(name + "-missing", "{}", UpdateType.MERGE), Kind.NOT_FOUND,
        CloudActions.UPDATE_SERVICE);
  }

  @Test
  void serviceInstancesTakeAddressesFromTheirVSwitch() {
    long before = port().vpc().describeVSwitch(fixture().vSwitch()).availableIpAddressCount();
    port().eas().createService(serviceJson(uniqueService(), 3));
    assertThat(port().vpc().describeVSwitch(fixture().vSwitch()).availableIpAddressCount()).isEqualTo(before - 3);
  }

  @Test
  void dlinkCanBeUpdatedDescribedAndDeleted() {
    ResourceGroupId rg = fixture().resourceGroup();
    assertThat(port().eas().describeResourceDLink(rg)).isEmpty();
    DLink dlink = DLink.builder().vSwitchId(fixture().vSwitch()).securityGroupId(fixture().securityGroup()).build();
    port().eas().updateResourceDLink(rg, dlink);
    assertThat(port().eas().describeResourceDLink(rg)).hasValueSatisfying(d -> {
      assertThat(d.vSwitchId()).isEqualTo(fixture().vSwitch());
      assertThat(d.securityGroupId()).isEqualTo(fixture().securityGroup());
    });
    assertThat(port().eas().describeResourceGroups())
        .filteredOn(g -> g.id().equals(rg)).singleElement()
        .satisfies(g -> assertThat(g.dlink()).isPresent());
    port().eas().deleteResourceDLink(rg);
    assertThat(port().eas().describeResourceDLink(rg)).isEmpty();
    assertThatCode(() -> port().eas().deleteResourceDLink(rg)).doesNotThrowAnyException();
  }

  @Test
  void dlinkWithAnUnknownVSwitchIsNotFound() {
    DLink dlink = DLink.builder().vSwitchId(VSwitchId.of("vsw-contractmissing0"))
        .securityGroupId(fixture().securityGroup()).build();
    assertFails(() -> port().eas().updateResourceDLink(fixture().resourceGroup(), dlink), Kind.NOT_FOUND,
        CloudActions.UPDATE_RESOURCE_DLINK);
  }

  // ------------------------------------------------------------------------------------------- helpers

  /** Asserts a {@link CloudServiceException} of the kind (and action, unless {@code null}). */
  protected static void assertFails(ThrowingCallable call, Kind kind, String action) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).as("kind of %s", e.getMessage()).isEqualTo(kind);
          if (action != null) {
            assertThat(e.action()).isEqualTo(action);
          }
          assertThat(e.getMessage()).contains(e.code());
        });
  }

  private List<SecurityGroupRule> rules() {
    return port().ecs().describeSecurityGroup(fixture().securityGroup()).rules();
  }

  private static SecurityGroupRule ingressTcp(int port) {
    return SecurityGroupRule.ingress().tcp(port).peer("10.0.0.0/8").build();
  }

  private SnatEntryRequest.Builder snat() {
    return SnatEntryRequest.builder().snatTableId(fixture().snatTable()).addSnatIp(fixture().eip());
  }

  private static String uniqueService() {
    return "contract_svc_" + UNIQUE.incrementAndGet();
  }

  private String serviceJson(String name, int instances) {
    return "{\"metadata\":{\"name\":\"" + name + "\",\"instance\":" + instances + "},"
        + "\"containers\":[{\"image\":\"registry.example/app:1\",\"port\":8000}],"
        + "\"cloud\":{\"networking\":{\"vpc_id\":\"" + fixture().vpc() + "\",\"vswitch_id\":\"" + fixture().vSwitch()
        + "\",\"security_group_id\":\"" + fixture().securityGroup() + "\"}}}";
  }
}
