package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Eip;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import io.easnet.core.spi.AllowlistApi;
import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.VpcApi.CreateNatGatewayRequest;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.core.spi.VpcApi.DeleteRouteEntryRequest;
import io.easnet.core.spi.VpcApi.DeleteSnatEntryRequest;
import io.easnet.core.spi.VpcApi.EipAssociationRequest;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.core.spi.EcsApi.SecurityGroupSummary;
import io.easnet.core.spi.EasApi.ServiceStatus;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.core.spi.EasApi.UpdateType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of the {@link CloudPort}: every implementation extends it and passes. It checks describe
 * round trips, idempotent writes, client tokens (the same token acts once; reused with other parameters it is
 * refused), quotas (200 rules, 1,000 allowlist entries), the SNAT source rules, the allowlist keep-one rule, typed
 * not-found failures, busy resources as retryable {@code CONFLICT}s, complete lists over several pages with one
 * {@link RequestEvent} per request, the remedies' writes (routes, EIP bindings, NAT gateways, EIPs), the
 * asynchronous states of SNAT entries, NAT gateways, DLinks and services, the merge semantics of
 * {@code UpdateService} and the DLink life cycle.
 *
 * <p>Against a real account the suite creates a NAT gateway and allocates EIPs, which are <b>billed</b>; run it
 * against the fake or the wire emulator, or in a throw-away account.
 *
 * <pre>{@code
 * class MyPortConformanceTest extends CloudPortContractTest {
 *   private final MyPort port = …;
 *   private final ContractFixture fixture = …; // the resources the suite needs, created in your cloud
 *   protected CloudPort port() { return port; }
 *   protected ContractFixture fixture() { return fixture; }
 *   protected void settle() { … } // let asynchronous work finish: advance a fake clock, or wait
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

  /**
   * Lets every asynchronous change started so far finish (SNAT entries, NAT gateways, DLinks, services): a fake
   * advances its clock, an implementation against a real cloud waits until the changes are done.
   */
  protected abstract void settle();

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
        .extracting(SecurityGroupSummary::id)
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

  @Test
  void securityGroupsCarryTheirTags() {
    assertThat(port().ecs().describeSecurityGroup(fixture().securityGroup()).tags()).containsEntry("env", "contract");
  }

  @Test
  void allowlistTargetsCarryTheirPrivateAddressPortAndBoundGroups() {
    RdsInstance rds = port().rds().describeInstance(fixture().rds());
    assertThat(rds.privateIp()).isPresent();
    assertThat(rds.port()).isBetween(1, 65535);
    assertThat(rds.securityGroupIds()).containsExactly(fixture().securityGroup());
    assertThat(port().rds().describeInstances(fixture().vpc())).filteredOn(i -> i.id().equals(fixture().rds()))
        .as("the list and the one instance agree").containsExactly(rds);
    RedisInstance redis = port().redis().describeInstance(fixture().redis());
    assertThat(redis.privateIp()).isPresent();
    assertThat(redis.securityGroupIds()).containsExactly(fixture().securityGroup());
    assertThat(port().redis().describeInstances(fixture().vpc())).filteredOn(i -> i.id().equals(fixture().redis()))
        .as("the list and the one instance agree").containsExactly(redis);
  }

  @Test
  void describeEipsListsEveryEipOfTheRegionBoundOrNot() {
    assertThat(port().vpc().describeEips()).extracting(Eip::ipAddress).contains(fixture().eip());
    Eip spare = port().vpc().allocateEip(AllocateEipRequest.builder().clientToken(uniqueToken())
        .build());
    assertThat(port().vpc().describeEips()).filteredOn(e -> e.id().equals(spare.id())).singleElement()
        .satisfies(e -> assertThat(e.instanceId()).isEmpty());
  }

  @Test
  void listServicesAnswersEveryServiceAsDescribeServiceDoes() throws Exception {
    String name = uniqueService();
    port().eas().createService(serviceJson(name, 1));
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode described = json.readTree(port().eas().describeService(name));
    List<com.fasterxml.jackson.databind.JsonNode> listed = new java.util.ArrayList<>();
    for (String s : port().eas().listServices()) {
      listed.add(json.readTree(s));
    }
    assertThat(listed).filteredOn(n -> n.path("metadata").path("name").asText().equals(name)).containsExactly(described);
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
        () -> port().ecs().authorizeRule(
            SecurityGroupRuleRequest.of(SecurityGroupId.of("sg-contractmissing0"), ingressTcp(22))),
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
    authorize(rule);
    assertThat(rules()).filteredOn(r -> r.sameRuleAs(rule)).hasSize(1);
  }

  @Test
  void authorizingTheSameRuleTwiceKeepsOneRule() {
    SecurityGroupRule rule = ingressTcp(443);
    authorize(rule);
    authorize(rule.toBuilder().description("again").build());
    assertThat(rules()).filteredOn(r -> r.sameRuleAs(rule)).hasSize(1);
  }

  @Test
  void revokedRuleIsGoneAndRevokingAgainSucceeds() {
    SecurityGroupRule keep = ingressTcp(80);
    SecurityGroupRule drop = ingressTcp(8080);
    authorize(keep);
    authorize(drop);
    revoke(drop);
    assertThat(rules()).noneMatch(r -> r.sameRuleAs(drop)).anyMatch(r -> r.sameRuleAs(keep));
    assertThatCode(() -> revoke(drop)).doesNotThrowAnyException();
  }

  @Test
  void aGroupHoldsAtMost200Rules() {
    int existing = rules().size();
    for (int i = 0; existing + i < 200; i++) {
      authorize(ingressTcp(10_000 + i));
    }
    assertThat(rules()).hasSize(200);
    assertFails(() -> authorize(ingressTcp(20_000)),
        Kind.QUOTA_EXCEEDED, CloudActions.AUTHORIZE_SECURITY_GROUP);
    assertThatCode(() -> authorize(ingressTcp(10_000)))
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
          authorize(rule);
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
  void deletedSnatEntryIsDeletingThenGoneAndDeletingAgainSucceeds() {
    SnatEntryId id = port().vpc().createSnatEntry(snat().sourceCidr(Cidr.parse("172.16.3.0/24")).build());
    port().vpc().deleteSnatEntry(DeleteSnatEntryRequest.of(fixture().snatTable(), id));
    assertThat(port().vpc().describeSnatEntries(fixture().natGateway()))
        .filteredOn(e -> e.id().equals(id))
        .allSatisfy(e -> assertThat(e.status()).isEqualTo("Deleting"));
    assertThatCode(() -> port().vpc().deleteSnatEntry(DeleteSnatEntryRequest.of(fixture().snatTable(), id)))
        .doesNotThrowAnyException();
    settle();
    assertFails(() -> port().vpc().describeSnatEntry(fixture().snatTable(), id), Kind.NOT_FOUND,
        CloudActions.DESCRIBE_SNAT_ENTRIES);
    assertThat(port().vpc().describeSnatEntries(fixture().natGateway())).noneMatch(e -> e.id().equals(id));
  }

  @Test
  void createdSnatEntryIsPendingThenAvailable() {
    SnatEntryId id = port().vpc().createSnatEntry(snat().sourceVSwitchId(fixture().vSwitch()).build());
    assertThat(port().vpc().describeSnatEntry(fixture().snatTable(), id).status()).isIn("Pending", "Available");
    settle();
    SnatEntry entry = port().vpc().describeSnatEntry(fixture().snatTable(), id);
    assertThat(entry.status()).isEqualTo("Available");
    assertThat(entry.sourceVSwitchId()).contains(fixture().vSwitch());
  }

  // ------------------------------------------------------------------------------------------- client tokens

  @Test
  void theSameClientTokenTwiceCreatesOneSnatEntry() {
    SnatEntryRequest first = snat().sourceCidr(Cidr.parse("172.16.4.0/24")).clientToken(uniqueToken()).build();
    SnatEntryRequest retry = SnatEntryRequest.builder().from(first).build();
    SnatEntryId id = port().vpc().createSnatEntry(first);
    assertThat(port().vpc().createSnatEntry(retry)).as("a retry with the same token").isEqualTo(id);
    assertThat(port().vpc().describeSnatEntries(fixture().natGateway()))
        .filteredOn(e -> e.sourceCidr().equals(Optional.of(Cidr.parse("172.16.4.0/24"))))
        .singleElement()
        .satisfies(e -> assertThat(e.id()).isEqualTo(id));
  }

  @Test
  void aClientTokenReusedWithOtherParametersIsRefused() {
    ClientToken token = ClientToken.of(uniqueToken());
    port().vpc().createSnatEntry(snat().sourceCidr(Cidr.parse("172.16.5.0/24")).clientToken(token).build());
    assertFails(() -> port().vpc().createSnatEntry(
            snat().sourceCidr(Cidr.parse("172.16.6.0/24")).clientToken(token).build()),
        Kind.INVALID_PARAMETER, CloudActions.CREATE_SNAT_ENTRY);
    assertThat(port().vpc().describeSnatEntries(fixture().natGateway()))
        .noneMatch(e -> e.sourceCidr().equals(Optional.of(Cidr.parse("172.16.6.0/24"))));
  }

  @Test
  void aRuleAuthorizedTwiceWithOneTokenIsOneRule() {
    SecurityGroupRuleRequest request = SecurityGroupRuleRequest.builder().securityGroupId(fixture().securityGroup())
        .rule(ingressTcp(9000)).clientToken(uniqueToken()).build();
    port().ecs().authorizeRule(request);
    port().ecs().authorizeRule(request);
    assertThat(rules()).filteredOn(r -> r.sameRuleAs(ingressTcp(9000))).hasSize(1);
  }

  @Test
  void allocatingTwiceWithOneTokenAllocatesOneEip() {
    AllocateEipRequest request = AllocateEipRequest.builder().clientToken(uniqueToken()).build();
    Eip first = port().vpc().allocateEip(request);
    Eip again = port().vpc().allocateEip(request);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.ipAddress()).isEqualTo(first.ipAddress());
    assertThat(first.status()).isEqualTo("Available");
    assertThat(port().vpc().allocateEip(AllocateEipRequest.builder().build()).id())
        .as("a new token is a new EIP").isNotEqualTo(first.id());
  }

  // ------------------------------------------------------------------------------------------- NAT, EIP, routes

  @Test
  void aNatGatewayCreatedThroughThePortTakesAnEipASnatEntryAndARoute() {
    CreateNatGatewayRequest create = CreateNatGatewayRequest.builder().vpcId(fixture().vpc())
        .vSwitchId(fixture().vSwitch()).name("contract-nat-2").clientToken(uniqueToken()).build();
    NatGatewayId nat = port().vpc().createNatGateway(create);
    assertThat(port().vpc().createNatGateway(create)).as("same token, one gateway").isEqualTo(nat);
    assertThat(port().vpc().describeNatGateway(nat).status()).isIn("Creating", "Available");
    settle();
    NatGateway available = port().vpc().describeNatGateway(nat);
    assertThat(available.isAvailable()).isTrue();
    assertThat(available.vpcId()).isEqualTo(fixture().vpc());
    assertThat(port().vpc().describeNatGateways(fixture().vpc())).extracting(NatGateway::id).contains(nat);

    Eip eip = port().vpc().allocateEip(AllocateEipRequest.builder().build());
    EipAssociationRequest bind = EipAssociationRequest.of(eip.id(), nat);
    port().vpc().associateEip(bind);
    port().vpc().associateEip(EipAssociationRequest.of(eip.id(), nat));
    assertThat(port().vpc().describeEips(nat)).extracting(Eip::ipAddress).containsExactly(eip.ipAddress());

    SnatTableId table = available.snatTableIds().get(0);
    SnatEntryId entry = port().vpc().createSnatEntry(SnatEntryRequest.builder().snatTableId(table)
        .sourceCidr(Cidr.parse("172.16.7.0/24")).addSnatIp(eip.ipAddress()).build());
    assertFails(() -> port().vpc().unassociateEip(EipAssociationRequest.of(eip.id(), nat)),
        Kind.INVALID_PARAMETER, CloudActions.UNASSOCIATE_EIP);

    RouteTableId routeTable = systemRouteTable();
    Cidr destination = Cidr.parse("198.51.100.0/24");
    CreateRouteEntryRequest route = CreateRouteEntryRequest.toNat(routeTable, destination, nat);
    port().vpc().createRouteEntry(route);
    port().vpc().createRouteEntry(CreateRouteEntryRequest.toNat(routeTable, destination, nat));
    assertThat(routes(routeTable)).filteredOn(r -> r.destination().equals(destination)).singleElement()
        .satisfies(r -> assertThat(r.pointsTo(nat)).isTrue());
    port().vpc().deleteRouteEntry(DeleteRouteEntryRequest.of(routeTable, destination, nat));
    assertThat(routes(routeTable)).noneMatch(r -> r.destination().equals(destination));
    assertThatCode(() -> port().vpc().deleteRouteEntry(DeleteRouteEntryRequest.of(routeTable, destination, nat)))
        .doesNotThrowAnyException();

    port().vpc().deleteSnatEntry(DeleteSnatEntryRequest.of(table, entry));
    settle();
    port().vpc().unassociateEip(EipAssociationRequest.of(eip.id(), nat));
    assertThat(port().vpc().describeEips(nat)).isEmpty();
  }

  @Test
  void writesToAGatewayThatIsStillCreatingAreRetryableConflicts() {
    NatGatewayId nat = port().vpc().createNatGateway(CreateNatGatewayRequest.builder().vpcId(fixture().vpc())
        .vSwitchId(fixture().vSwitch()).build());
    Eip eip = port().vpc().allocateEip(AllocateEipRequest.builder().build());
    EipAssociationRequest bind = EipAssociationRequest.of(eip.id(), nat);
    if (!port().vpc().describeNatGateway(nat).isAvailable()) {
      assertThatThrownBy(() -> port().vpc().associateEip(bind))
          .isInstanceOfSatisfying(CloudServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
            assertThat(e.retryable()).as("busy means try again").isTrue();
            assertThat(e.action()).isEqualTo(CloudActions.ASSOCIATE_EIP);
          });
    }
    settle();
    port().vpc().associateEip(bind);
    assertThat(port().vpc().describeEips(nat)).extracting(Eip::id).containsExactly(eip.id());
  }

  @Test
  void aRouteToAnotherNextHopForTheSameDestinationIsRefused() {
    NatGatewayId other = port().vpc().createNatGateway(CreateNatGatewayRequest.builder().vpcId(fixture().vpc())
        .vSwitchId(fixture().vSwitch()).build());
    settle();
    assertFails(() -> port().vpc().createRouteEntry(
            CreateRouteEntryRequest.toNat(systemRouteTable(), Cidr.ANY_IPV4, other)),
        Kind.INVALID_PARAMETER, CloudActions.CREATE_ROUTE_ENTRY);
  }

  // ------------------------------------------------------------------------------------------- pages and requests

  @Test
  void listsReturnEveryPageAndReportOneEventPerRequest() {
    List<SnatEntryId> created = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      created.add(port().vpc().createSnatEntry(snat().sourceCidr(Cidr.parse("10." + (40 + i) + ".0.0/16")).build()));
    }
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    CloudPort listening = port().withRequestListener(events::add);
    assertThat(listening.vpc().describeSnatEntries(fixture().natGateway())).extracting(SnatEntry::id)
        .containsAll(created);
    assertThat(events).isNotEmpty().allSatisfy(e -> {
      assertThat(e.action()).isEqualTo(CloudActions.DESCRIBE_SNAT_ENTRIES);
      assertThat(e.succeeded()).isTrue();
      assertThat(e.requestId()).isPresent();
      assertThat(e.duration().isNegative()).isFalse();
    });
    assertThat(events).extracting(RequestEvent::page)
        .as("one request per page, in order")
        .containsExactlyElementsOf(IntStream.rangeClosed(1, events.size()).boxed().toList());
  }

  @Test
  void aFailedRequestIsReportedWithItsErrorCode() {
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    CloudPort listening = port().withRequestListener(events::add);
    listening.vpc().describeVpc(fixture().vpc());
    assertThatThrownBy(() -> listening.vpc().describeVpc(VpcId.of("vpc-contractmissing0")))
        .isInstanceOf(CloudServiceException.class);
    assertThat(events).hasSize(2);
    assertThat(events.get(0).succeeded()).isTrue();
    assertThat(events.get(0).action()).isEqualTo(CloudActions.DESCRIBE_VPCS);
    assertThat(events.get(1).errorCode()).isPresent();
    assertThat(events.get(1).httpStatus()).isBetween(400, 499);
  }

  // ------------------------------------------------------------------------------------------- async EAS state

  @Test
  void aCreatedServiceBecomesRunning() {
    String name = uniqueService();
    port().eas().createService(serviceJson(name, 2));
    assertThat(port().eas().describeServiceStatus(name).totalInstances()).isEqualTo(2);
    settle();
    ServiceStatus status = port().eas().describeServiceStatus(name);
    assertThat(status.isRunning()).as("%s", status).isTrue();
    assertThat(status.runningInstances()).isEqualTo(2);
    assertFails(() -> port().eas().describeServiceStatus(name + "-missing"), Kind.NOT_FOUND,
        CloudActions.DESCRIBE_SERVICE);
  }

  @Test
  void aDLinkIsUpdatingThenReady() {
    ResourceGroupId rg = fixture().resourceGroup();
    assertThat(port().eas().describeResourceDLinkStatus(rg)).isEqualTo(DLinkStatus.NONE);
    port().eas().updateResourceDLink(rg,
        DLink.builder().vSwitchId(fixture().vSwitch()).securityGroupId(fixture().securityGroup()).build());
    assertThat(port().eas().describeResourceDLinkStatus(rg)).isIn(DLinkStatus.UPDATING, DLinkStatus.READY);
    settle();
    assertThat(port().eas().describeResourceDLinkStatus(rg)).isEqualTo(DLinkStatus.READY);
    port().eas().deleteResourceDLink(rg);
    assertThat(port().eas().describeResourceDLinkStatus(rg)).isEqualTo(DLinkStatus.NONE);
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

  private void authorize(SecurityGroupRule rule) {
    port().ecs().authorizeRule(SecurityGroupRuleRequest.of(fixture().securityGroup(), rule));
  }

  private void revoke(SecurityGroupRule rule) {
    port().ecs().revokeRule(SecurityGroupRuleRequest.of(fixture().securityGroup(), rule));
  }

  private RouteTableId systemRouteTable() {
    return port().vpc().describeRouteTables(fixture().vpc()).stream()
        .filter(t -> t.type() == RouteTable.Type.SYSTEM).findFirst()
        .orElseThrow(() -> new AssertionError("VPC " + fixture().vpc() + " has no system route table"))
        .id();
  }

  private List<RouteEntry> routes(RouteTableId table) {
    return port().vpc().describeRouteTables(fixture().vpc()).stream().filter(t -> t.id().equals(table))
        .findFirst().orElseThrow().entries();
  }

  private static String uniqueToken() {
    return "contract-" + System.nanoTime() + "-" + UNIQUE.incrementAndGet();
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
