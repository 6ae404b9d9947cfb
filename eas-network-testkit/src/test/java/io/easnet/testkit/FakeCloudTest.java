package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.core.spi.EasApi.UpdateType;
import io.easnet.testkit.internal.wire.ErrorCodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeCloudTest {
  private static FakeCloud estate(long seed) {
    FakeCloud fake = FakeCloud.builder().seed(seed).build();
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/28")
        .vSwitch("db", "192.168.2.0/24")
        .securityGroup("eas-sg")
        .enterpriseSecurityGroup("strict")
        .natGateway("nat")
        .eip("nat", "47.100.1.1")
        .rds("orders", "db", "192.168.2.10")
        .resourceGroup("rg");
    return fake;
  }

  private static String service(FakeCloud fake, String name, int instances) {
    return "{\"metadata\":{\"name\":\"" + name + "\",\"instance\":" + instances + "},\"cloud\":{\"networking\":{"
        + "\"vpc_id\":\"" + fake.id(VpcId.class, "prod") + "\",\"vswitch_id\":\"" + fake.id(VSwitchId.class, "eas")
        + "\",\"security_group_id\":\"" + fake.id(SecurityGroupId.class, "eas-sg") + "\"}}}";
  }

  @Test
  void sameSeedGivesSameIdsAndDifferentSeedsDiffer() {
    assertThat(estate(42).inventory()).isEqualTo(estate(42).inventory());
    assertThat(estate(42).id(VpcId.class, "prod")).isNotEqualTo(estate(43).id(VpcId.class, "prod"));
  }

  @Test
  void serviceInstancesConsumeVSwitchAddressesAndFailWhenExhausted() {
    FakeCloud fake = estate(1);
    // a /28 has 16 - 4 = 12 usable addresses
    assertThat(fake.vpc().describeVSwitch(fake.id(VSwitchId.class, "eas")).availableIpAddressCount()).isEqualTo(12);
    fake.eas().createService(service(fake, "a", 10));
    assertThat(fake.vpc().describeVSwitch(fake.id(VSwitchId.class, "eas")).availableIpAddressCount()).isEqualTo(2);
    assertThatThrownBy(() -> fake.eas().createService(service(fake, "b", 3)))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
          assertThat(e.code()).isEqualTo("InvalidVSwitchId.IpNotEnough");
        })
        .hasMessageContaining("has 2 free addresses");
    assertThat(fake.serviceNames()).containsExactly("a");
  }

  @Test
  void scalingAServiceDownReturnsAddresses() {
    FakeCloud fake = estate(1);
    fake.eas().createService(service(fake, "a", 10));
    fake.eas().updateService("a", "{\"metadata\":{\"instance\":4}}", UpdateType.MERGE);
    assertThat(fake.vpc().describeVSwitch(fake.id(VSwitchId.class, "eas")).availableIpAddressCount()).isEqualTo(8);
  }

  @Test
  void ecsInstancesPlantedInTheEstateTakeAnAddress() {
    FakeCloud fake = estate(1);
    fake.estate().ecsInstance("client", "eas", "192.168.1.5", "eas-sg");
    assertThat(fake.inventory().vSwitch(fake.id(VSwitchId.class, "eas")).orElseThrow().availableIpAddressCount())
        .isEqualTo(11);
  }

  @Test
  void malformedOrNamelessServiceJsonIsInvalidParameter() {
    FakeCloud fake = estate(1);
    for (String bad : List.of("{\"metadata\":", "[1,2]", "{\"metadata\":{\"instance\":1}}")) {
      assertThatThrownBy(() -> fake.eas().createService(bad))
          .isInstanceOfSatisfying(CloudServiceException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_PARAMETER));
    }
  }

  @Test
  void partialNetworkingBlockIsRefused() {
    FakeCloud fake = estate(1);
    String json = "{\"metadata\":{\"name\":\"p\"},\"cloud\":{\"networking\":{\"vpc_id\":\"" + fake.id(VpcId.class, "prod")
        + "\"}}}";
    assertThatThrownBy(() -> fake.eas().createService(json))
        .isInstanceOf(CloudServiceException.class)
        .hasMessageContaining("vpc_id, vswitch_id and security_group_id together");
  }

  @Test
  void snatEntryIsPendingUntilTheClockPassesTheAsyncDelay() {
    FakeCloud fake = estate(1);
    SnatEntryId id = fake.vpc().createSnatEntry(SnatEntryRequest.builder()
        .snatTableId(fake.inventory().natGateway(fake.id(NatGatewayId.class, "nat")).orElseThrow().snatTableIds().get(0))
        .sourceVSwitchId(fake.id(VSwitchId.class, "eas")).addSnatIp("47.100.1.1").build());
    assertThat(status(fake, id)).isEqualTo("Pending");
    fake.advance(fake.asyncDelay().minusSeconds(1));
    assertThat(status(fake, id)).isEqualTo("Pending");
    fake.advance(Duration.ofSeconds(1));
    assertThat(status(fake, id)).isEqualTo("Available");
  }

  private static String status(FakeCloud fake, SnatEntryId id) {
    return fake.vpc().describeSnatEntries(fake.id(NatGatewayId.class, "nat")).stream()
        .filter(e -> e.id().equals(id)).findFirst().orElseThrow().status();
  }

  @Test
  void snatIpMustBeAnEipOfTheGateway() {
    FakeCloud fake = estate(1);
    SnatEntryRequest r = SnatEntryRequest.builder()
        .snatTableId(fake.inventory().natGateway(fake.id(NatGatewayId.class, "nat")).orElseThrow().snatTableIds().get(0))
        .sourceCidr("192.168.1.0/24").addSnatIp("8.8.8.8").build();
    assertThatThrownBy(() -> fake.vpc().createSnatEntry(r))
        .isInstanceOf(CloudServiceException.class)
        .hasMessageContaining("InvalidSnatIp.NotFound")
        .hasMessageContaining("8.8.8.8");
  }

  @Test
  void dlinkUpdateIsUpdatingThenReady() {
    FakeCloud fake = estate(1);
    fake.eas().updateResourceDLink(fake.id(ResourceGroupId.class, "rg"),
        DLink.builder().vSwitchId(fake.id(VSwitchId.class, "eas")).securityGroupId(fake.id(SecurityGroupId.class, "eas-sg")).build());
    assertThat(fake.eas().describeResourceDLinkStatus(fake.id(ResourceGroupId.class, "rg")))
        .isEqualTo(DLinkStatus.UPDATING);
    assertThat(fake.eas().describeResourceDLink(fake.id(ResourceGroupId.class, "rg")).orElseThrow().vpcId())
        .as("the VPC follows from the vSwitch").contains(fake.id(VpcId.class, "prod"));
    fake.advance();
    assertThat(fake.eas().describeResourceDLinkStatus(fake.id(ResourceGroupId.class, "rg")))
        .isEqualTo(DLinkStatus.READY);
  }

  @Test
  void enterpriseGroupsCannotUseAGroupAsPeer() {
    FakeCloud fake = estate(1);
    SecurityGroupRule rule = SecurityGroupRule.ingress().tcp(22).peer(fake.id(SecurityGroupId.class, "eas-sg").value()).build();
    assertThatThrownBy(() -> fake.ecs().authorizeRule(SecurityGroupRuleRequest.of(fake.id(SecurityGroupId.class, "strict"), rule)))
        .isInstanceOfSatisfying(CloudServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_PARAMETER))
        .hasMessageContaining("enterprise");
  }

  @Test
  void rulesGetRuleIdsAndCallsAreRecordedByDirection() {
    FakeCloud fake = estate(1);
    fake.ecs().authorizeRule(SecurityGroupRuleRequest.of(fake.id(SecurityGroupId.class, "eas-sg"), SecurityGroupRule.egress().tcp(3306)
        .peer("192.168.2.0/24").build()));
    fake.ecs().authorizeRule(SecurityGroupRuleRequest.of(fake.id(SecurityGroupId.class, "eas-sg"), SecurityGroupRule.ingress().tcp(22)
        .peer("10.0.0.0/8").build()));
    assertThat(fake.calls()).containsExactly(CloudActions.AUTHORIZE_SECURITY_GROUP_EGRESS,
        CloudActions.AUTHORIZE_SECURITY_GROUP);
    assertThat(fake.inventory().securityGroup(fake.id(SecurityGroupId.class, "eas-sg")).orElseThrow().rules())
        .allSatisfy(r -> assertThat(r.ruleId()).hasValueSatisfying(id -> assertThat(id).startsWith("sgr-")));
  }

  @Test
  void throttleNextFailsTheNextCallsWhateverTheirAction() {
    FakeCloud fake = estate(1);
    fake.throttleNext(2);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> fake.vpc().describeVpcs())
          .isInstanceOfSatisfying(CloudServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
            assertThat(e.retryable()).isTrue();
          });
    }
    assertThat(fake.vpc().describeVpcs()).hasSize(1);
    assertThat(fake.recordedCalls()).extracting(FakeCloud.RecordedCall::succeeded).containsExactly(false, false, true);
  }

  @Test
  void failNextFailsOnlyTheNamedActionOnce() {
    FakeCloud fake = estate(1);
    fake.failNext(CloudActions.DESCRIBE_VSWITCHES, "InvalidVSwitchId.NotFound");
    assertThat(fake.vpc().describeVpcs()).hasSize(1);
    assertThatThrownBy(() -> fake.vpc().describeVSwitches(fake.id(VpcId.class, "prod")))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    assertThat(fake.vpc().describeVSwitches(fake.id(VpcId.class, "prod"))).hasSize(2);
  }

  @Test
  void latencyMovesTheFakeClockInsteadOfSleeping() {
    FakeCloud fake = estate(1);
    fake.faults(FaultPlan.builder().latency(CloudActions.DESCRIBE_VPCS, Duration.ofMillis(250)).build());
    var before = fake.clock().instant();
    fake.vpc().describeVpcs();
    fake.vpc().describeVpcs();
    assertThat(Duration.between(before, fake.clock().instant())).isEqualTo(Duration.ofMillis(500));
    assertThat(fake.recordedCalls()).allSatisfy(c -> assertThat(c.latency()).isEqualTo(Duration.ofMillis(250)));
  }

  @Test
  void sameSeedFailsTheSameCalls() {
    List<Boolean> first = faultyRun(99);
    assertThat(faultyRun(99)).isEqualTo(first);
    assertThat(first).contains(true, false);
    assertThat(faultyRun(100)).isNotEqualTo(first);
  }

  private static List<Boolean> faultyRun(long seed) {
    FakeCloud fake = estate(seed);
    fake.faults(FaultPlan.builder().fail(FaultPlan.ANY_ACTION, "ServiceUnavailable", 0.4).build());
    for (int i = 0; i < 60; i++) {
      try {
        if (i % 2 == 0) {
          fake.vpc().describeVpcs();
        } else {
          fake.ecs().describeSecurityGroup(fake.id(SecurityGroupId.class, "eas-sg"));
        }
      } catch (CloudServiceException e) {
        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
      }
    }
    return fake.recordedCalls().stream().map(c -> !c.succeeded()).toList();
  }

  @Test
  void faultPlanRejectsProbabilitiesOutsideZeroToOne() {
    assertThatThrownBy(() -> FaultPlan.builder().fail("*", "Throttling", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be between 0 and 1, was 1.5");
    assertThatThrownBy(() -> FaultPlan.builder().fail("*", "Throttling", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> FaultPlan.builder().latency("*", Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency must be >= 0");
  }

  @Test
  void errorCodesMapToKinds() {
    assertThat(FaultPlan.kindOf("Throttling.User")).isEqualTo(Kind.THROTTLED);
    assertThat(FaultPlan.kindOf("ServiceUnavailable")).isEqualTo(Kind.SERVER_ERROR);
    assertThat(FaultPlan.kindOf("InternalError")).isEqualTo(Kind.SERVER_ERROR);
    assertThat(FaultPlan.kindOf("InvalidVSwitchId.NotFound")).isEqualTo(Kind.NOT_FOUND);
    assertThat(FaultPlan.kindOf("Forbidden.RAM")).isEqualTo(Kind.FORBIDDEN);
    assertThat(FaultPlan.kindOf("QuotaExceeded.SecurityIps")).isEqualTo(Kind.QUOTA_EXCEEDED);
    assertThat(FaultPlan.kindOf("AuthorizationLimitExceed")).isEqualTo(Kind.QUOTA_EXCEEDED);
    assertThat(FaultPlan.kindOf("InvalidParameter")).isEqualTo(Kind.INVALID_PARAMETER);
  }

  @Test
  void injectedCodesAreClassifiedByTheCoreMapping() {
    FakeCloud fake = FakeCloud.create();
    fake.failNext(CloudActions.DESCRIBE_VPCS, "Forbidden.SnatEntryCountLimited");
    assertThatThrownBy(() -> fake.vpc().describeVpcs())
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
          assertThat(e.kind()).isEqualTo(ErrorCodes.kindOf(e.code(), 0));
        });
  }

  @Test
  void aRefusalTakesItsKindAndStatusFromTheCoreMapping() {
    Refusal gone = Refusal.of("InvalidVpcId.NotFound", "gone");
    assertThat(gone.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(gone.httpStatus()).isEqualTo(404);
    Refusal busy = Refusal.of("IncorrectStatus.NatGateway", "busy");
    assertThat(busy.kind()).isEqualTo(Kind.CONFLICT);
    assertThat(busy.httpStatus()).isEqualTo(400);
    CloudServiceException e = busy.toException(CloudActions.CREATE_SNAT_ENTRY, "req-1");
    assertThat(e.retryable()).isTrue();
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.requestId()).contains("req-1");
    assertThat(e.getMessage()).isEqualTo("vpc:CreateSnatEntry failed: IncorrectStatus.NatGateway: busy (HTTP 400)"
        + " [RequestId req-1]");
  }

  @Test
  void aSecondSnatEntryForTheSameSourceIsRefusedWithAlibabasCode() {
    FakeCloud fake = estate(1);
    SnatTableId table =
        fake.inventory().natGateway(fake.id(NatGatewayId.class, "nat")).orElseThrow().snatTableIds().get(0);
    fake.vpc().createSnatEntry(SnatEntryRequest.builder().snatTableId(table).sourceCidr("192.168.1.0/24")
        .addSnatIp("47.100.1.1").build());
    SnatEntryRequest again = SnatEntryRequest.builder().snatTableId(table).sourceCidr("192.168.1.0/24")
        .addSnatIp("47.100.1.1").name("other").build();
    assertThatThrownBy(() -> fake.vpc().createSnatEntry(again))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("Forbidden.SourceVSwitchId.Duplicated");
          assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS);
        });
  }

  @Test
  void nullArgumentsAreRefusedBeforeAnyCallIsRecorded() {
    FakeCloud fake = FakeCloud.create();
    assertThatThrownBy(() -> fake.vpc().describeVpc(null))
        .isInstanceOf(NullPointerException.class).hasMessage("id must not be null");
    assertThatThrownBy(() -> fake.rds().appendAllowlistEntries(null, "default", List.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("id must not be null");
    assertThatThrownBy(() -> fake.eas().createService(null))
        .isInstanceOf(NullPointerException.class).hasMessage("json must not be null");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void inventoryRoundTripsThroughLoad() {
    FakeCloud fake = estate(5);
    fake.estate().rule("eas-sg", SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24"))
        .snatEntry("nat", "eas").allowlist("orders", "default", "192.168.1.0/28");
    Inventory snapshot = fake.inventory();
    FakeCloud copy = FakeCloud.builder().inventory(snapshot).build();
    assertThat(copy.inventory()).isEqualTo(snapshot);
    assertThat(copy.id(VSwitchId.class, "eas")).as("names survive through resource names").isEqualTo(fake.id(VSwitchId.class, "eas"));
  }

  @Test
  void closedFakeRefusesCalls() {
    FakeCloud fake = estate(1);
    fake.close();
    assertThatThrownBy(() -> fake.vpc().describeVpcs())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    FakeCloud fake = estate(1);
    assertThatThrownBy(() -> fake.id(VSwitchId.class, "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no VSwitchId named \"nope\"")
        .hasMessageContaining("[eas, db]");
  }

  @Test
  void estateRefusesAVSwitchOutsideItsVpcAndDuplicateNames() {
    FakeCloud fake = estate(1);
    assertThatThrownBy(() -> fake.estate().inVpc("prod").vSwitch("x", "10.0.0.0/24"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside VPC");
    assertThatThrownBy(() -> fake.estate().inVpc("prod").vSwitch("eas", "192.168.9.0/24"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a vsw named \"eas\"");
  }

  @Test
  void natGatewayAddsTheDefaultRouteToTheSystemTable() {
    FakeCloud fake = estate(1);
    Inventory inv = fake.inventory();
    var vsw = inv.vSwitch(fake.id(VSwitchId.class, "eas")).orElseThrow();
    assertThat(inv.routeTableFor(vsw).orElseThrow().longestMatch(Cidr.parse("8.8.8.8/32")).orElseThrow()
        .pointsTo(fake.id(NatGatewayId.class, "nat"))).isTrue();
  }

  // ------------------------------------------------------------------------------------------- the estate's invariants

  @Test
  void theEstateRefusesAVSwitchInTwoSnatEntriesAsTheCloudDoes() {
    FakeCloud fake = estate(1);
    fake.estate().snatEntry("nat", "eas");
    assertThatThrownBy(() -> fake.estate().snatEntry("nat", "eas"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Forbidden.SourceVSwitchId.Duplicated: ");
    assertThat(fake.inventory().snatEntries()).hasSize(1)
        .allSatisfy(e -> assertThat(e.isAvailable()).as("planted entries are available at once").isTrue());
  }

  @Test
  void theEstateRefusesOverlappingVSwitchesAndTakenAddresses() {
    FakeCloud fake = estate(1);
    assertThatThrownBy(() -> fake.estate().inVpc("prod").vSwitch("overlap", "192.168.2.128/25"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("InvalidCidrBlock.Overlapped: ");
    fake.estate().inVpc("prod").vSwitch("overlap", "192.168.3.0/25");
    assertThat(fake.vpc().describeVSwitch(fake.id(VSwitchId.class, "overlap")).cidrBlock())
        .as("a refused step gives its name back").isEqualTo(Cidr.parse("192.168.3.0/25"));
    assertThatThrownBy(() -> fake.estate().ecsInstance("twin", "db", "192.168.2.10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("192.168.2.10 is in use");
    assertThatThrownBy(() -> fake.estate().ecsInstance("far", "db", "192.168.3.10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside vSwitch db");
    assertThatThrownBy(() -> fake.estate().dlink("rg", "eas", "missing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no SecurityGroupId named \"missing\"");
  }

  @Test
  void anEipBoundInTheEstateIsBoundThroughThePortsInvariants() {
    FakeCloud fake = estate(1);
    assertThatThrownBy(() -> fake.estate().eip("nat", "47.100.1.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allocated already");
    assertThat(fake.vpc().describeEips(fake.id(NatGatewayId.class, "nat"))).singleElement()
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo("InUse");
          assertThat(e.instanceType()).contains("Nat");
        });
  }

  // ------------------------------------------------------------------------------------------- one call path

  @Test
  void everyRequestIsRecordedWithItsPageRequestIdAndHttpStatus() {
    FakeCloud fake = FakeCloud.builder().seed(5).pageSize(1).build();
    fake.estate().vpc("a", "10.0.0.0/16").vpc("b", "10.1.0.0/16").vpc("c", "10.2.0.0/16");
    assertThat(fake.vpc().describeVpcs()).hasSize(3);
    assertThatThrownBy(() -> fake.vpc().describeVpc(VpcId.of("vpc-missing")))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.requestId()).isPresent();
        });
    List<FakeCloud.RecordedCall> calls = fake.recordedCalls();
    assertThat(calls).extracting(FakeCloud.RecordedCall::page).containsExactly(1, 2, 3, 1);
    assertThat(calls).extracting(FakeCloud.RecordedCall::httpStatus).containsExactly(200, 200, 200, 404);
    assertThat(calls.get(3).errorCode()).contains("InvalidVpcId.NotFound");
    assertThat(calls).extracting(FakeCloud.RecordedCall::requestId).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
    FakeCloud again = FakeCloud.builder().seed(5).pageSize(1).build();
    again.estate().vpc("a", "10.0.0.0/16").vpc("b", "10.1.0.0/16").vpc("c", "10.2.0.0/16");
    again.vpc().describeVpcs();
    assertThat(again.recordedCalls().get(0).requestId()).as("request ids come from the seed")
        .isEqualTo(calls.get(0).requestId());
  }

  @Test
  void latencyIsInjectedPerPageRequestAndInjectedFaultsCarryTheirStatus() {
    FakeCloud fake = FakeCloud.builder().seed(5).pageSize(1).build();
    fake.estate().vpc("a", "10.0.0.0/16").vpc("b", "10.1.0.0/16");
    fake.vpc().describeVpcs();
    fake.clearCalls();
    fake.faults(FaultPlan.builder().latency(CloudActions.DESCRIBE_VPCS, Duration.ofMillis(10)).build());
    List<io.easnet.core.spi.RequestListener.RequestEvent> events = new java.util.ArrayList<>();
    fake.withRequestListener(events::add).vpc().describeVpcs();
    assertThat(events).extracting(io.easnet.core.spi.RequestListener.RequestEvent::duration)
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
    fake.failNext(CloudActions.DESCRIBE_VPCS, "ServiceUnavailable");
    assertThatThrownBy(() -> fake.vpc().describeVpcs())
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
          assertThat(e.httpStatus()).isEqualTo(503);
        });
  }

  @Test
  void aClientTokenActsOnceAndAMismatchIsRefused() {
    FakeCloud fake = estate(1);
    SnatTableId table = fake.vpc().describeNatGateway(fake.id(NatGatewayId.class, "nat")).snatTableIds().get(0);
    SnatEntryRequest request = SnatEntryRequest.builder().snatTableId(table)
        .sourceVSwitchId(fake.id(VSwitchId.class, "eas")).addSnatIp("47.100.1.1").clientToken("t-1").build();
    SnatEntryId id = fake.vpc().createSnatEntry(request);
    assertThat(fake.vpc().createSnatEntry(SnatEntryRequest.builder().from(request).build())).isEqualTo(id);
    assertThatThrownBy(() -> fake.vpc().createSnatEntry(SnatEntryRequest.builder().from(request)
        .sourceVSwitchId(fake.id(VSwitchId.class, "db")).build()))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("IdempotentParameterMismatch");
          assertThat(e.kind()).isEqualTo(Kind.INVALID_PARAMETER);
        });
    assertThatThrownBy(() -> fake.vpc().createSnatEntry(SnatEntryRequest.builder().from(request)
        .clientToken("t-2").build()))
        .as("a new token for the same source is a second entry, which the cloud refuses")
        .isInstanceOfSatisfying(CloudServiceException.class,
            e -> assertThat(e.code()).isEqualTo("Forbidden.SourceVSwitchId.Duplicated"));
    assertThat(fake.callCount(CloudActions.CREATE_SNAT_ENTRY)).isEqualTo(4);
    assertThat(fake.inventory().snatEntries()).hasSize(1);
  }

  @Test
  void aThrottledWriteDidNotActSoItsRetryWithTheSameTokenActs() {
    FakeCloud fake = estate(1);
    SecurityGroupRuleRequest request = SecurityGroupRuleRequest.of(fake.id(SecurityGroupId.class, "eas-sg"),
        SecurityGroupRule.ingress().tcp(22).peer("10.0.0.0/8").build());
    fake.throttleNext(1);
    assertThatThrownBy(() -> fake.ecs().authorizeRule(request)).isInstanceOf(CloudServiceException.class);
    assertThat(fake.inventory().securityGroup(fake.id(SecurityGroupId.class, "eas-sg")).orElseThrow().rules())
        .isEmpty();
    fake.ecs().authorizeRule(request);
    assertThat(fake.inventory().securityGroup(fake.id(SecurityGroupId.class, "eas-sg")).orElseThrow().rules())
        .hasSize(1);
  }

  @Test
  void describeSecurityGroupsListsGroupsWithoutTheirRules() {
    FakeCloud fake = estate(1);
    fake.estate().rule("eas-sg", SecurityGroupRule.ingress().tcp(22).peer("10.0.0.0/8"));
    assertThat(fake.ecs().describeSecurityGroups(fake.id(VpcId.class, "prod")))
        .extracting(io.easnet.core.spi.EcsApi.SecurityGroupSummary::id)
        .containsExactly(fake.id(SecurityGroupId.class, "eas-sg"), fake.id(SecurityGroupId.class, "strict"));
    assertThat(fake.ecs().describeSecurityGroup(fake.id(SecurityGroupId.class, "eas-sg")).rules()).hasSize(1);
  }

  @Test
  void aServiceIsCreatingUntilTheClockPassesAndAnUpdateIsUpdating() {
    FakeCloud fake = estate(1);
    fake.eas().createService(service(fake, "a", 2));
    assertThat(fake.eas().describeServiceStatus("a").status()).isEqualTo("Creating");
    fake.advance();
    assertThat(fake.eas().describeServiceStatus("a").isRunning()).isTrue();
    fake.eas().updateService("a", "{\"metadata\":{\"instance\":3}}", UpdateType.MERGE);
    assertThat(fake.eas().describeServiceStatus("a").status()).isEqualTo("Updating");
    fake.advance();
    assertThat(fake.eas().describeServiceStatus("a").runningInstances()).isEqualTo(3);
  }

  @Test
  void theNameLookUpNamesTheTypesItKnows() {
    FakeCloud fake = estate(1);
    assertThatThrownBy(() -> fake.id(io.easnet.core.model.ResourceId.EipAllocationId.class, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the fake names no EipAllocationId")
        .hasMessageContaining("VSwitchId");
  }
}
