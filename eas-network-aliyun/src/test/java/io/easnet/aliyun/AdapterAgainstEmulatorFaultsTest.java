package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.aliyun.internal.Acs3Signer;
import io.easnet.aliyun.internal.HttpTransport;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.testkit.ContractFixture;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's retries against the emulator's faults, end to end over HTTP: the fake's seeded throttling, conflicts
 * and server errors, and answers lost after the write acted. The adapter's waits go to a recording sleeper (nothing
 * sleeps); every assertion is on the fake's state, so "no duplicate" is counted, not assumed.
 */
class AdapterAgainstEmulatorFaultsTest {
  private static final String KEY_ID = "LTAI5tFaults";
  private static final String KEY_SECRET = "faults-secret-value";

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<RequestEvent> events = new CopyOnWriteArrayList<>();
  private Consumer<Duration> onSleep = d -> { };
  private Emulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private AliyunCloudPort port(Emulator.Builder builder, FakeCloud fake, int attempts) throws IOException {
    emulator = builder.fake(fake).accessKey(KEY_ID, KEY_SECRET).build().start();
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou")
        .credentials(CredentialsProviders.of(Credentials.of(KEY_ID, KEY_SECRET)))
        .endpointOverride(URI.create(emulator.url()))
        .retryPolicy(RetryPolicy.builder().maxAttempts(attempts).initialBackoff(Duration.ofMillis(100)).build())
        .rateLimit(10_000, Duration.ofSeconds(1))
        .circuitBreaker(100, Duration.ofSeconds(1))
        .requestListener(events::add)
        .build();
    SplittableRandom jitter = new SplittableRandom(3);
    HttpTransport transport = new HttpTransport(options, new OkHttpClient(), Acs3Signer.system(), d -> {
      sleeps.add(d);
      onSleep.accept(d);
    }, jitter::nextDouble, System::nanoTime);
    return AliyunCloudPort.over(transport);
  }

  @Test
  void seededThrottlingConflictsAndServerErrorsEndInTheRightStateWithoutDuplicates() throws IOException {
    FakeCloud fake = FakeCloud.builder().seed(11).pageSize(2).build();
    ContractFixture f = ContractFixture.plant(fake);
    fake.faults(FaultPlan.builder()
        .throttle(FaultPlan.ANY_ACTION, 0.25, Duration.ofMillis(300))
        .fail(FaultPlan.ANY_ACTION, "ServiceUnavailable", 0.15)
        .build());
    fake.failNext(CloudActions.CREATE_SNAT_ENTRY, "IncorrectStatus.NatGateway"); // the gateway is busy once
    AliyunCloudPort port = port(Emulator.builder(), fake, 12);

    for (int p = 8000; p < 8004; p++) {
      SecurityGroupRule rule = SecurityGroupRule.ingress().tcp(p).peer("10.0.0.0/8").accept().build();
      port.ecs().authorizeRule(SecurityGroupRuleRequest.of(f.securityGroup(), rule));
      port.ecs().authorizeRule(SecurityGroupRuleRequest.of(f.securityGroup(), rule)); // a repeat: no duplicate
    }
    SnatEntryId entry = port.vpc().createSnatEntry(SnatEntryRequest.builder().snatTableId(f.snatTable().value())
        .sourceVSwitchId(f.vSwitch().value()).addSnatIp(f.eip().toString()).build());
    List<Cidr> entries = List.of(Cidr.parse("172.16.1.0/24"), Cidr.parse("172.16.9.0/24"));
    port.rds().appendAllowlistEntries(f.rds(), "eas", entries);
    port.rds().appendAllowlistEntries(f.rds(), "eas", entries);

    // reads of several pages under the same faults are complete
    assertThat(port.ecs().describeSecurityGroup(f.securityGroup()).rules()).hasSize(4);
    assertThat(port.vpc().describeVSwitches(f.vpc())).hasSize(2);

    Inventory state = fake.inventory();
    assertThat(state.securityGroup(f.securityGroup()).orElseThrow().rules()).hasSize(4);
    List<SnatEntry> snat = state.snatEntriesOf(f.natGateway());
    assertThat(snat).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(entry));
    AllowlistGroup eas = state.rdsInstance(f.rds()).orElseThrow().allowlists().stream()
        .filter(g -> g.name().equals("eas")).findFirst().orElseThrow();
    assertThat(eas.entries()).containsExactlyElementsOf(entries);
    // the faults did happen on the wire, and the adapter retried through them
    assertThat(events).anySatisfy(e -> assertThat(e.errorCode()).hasValue("Throttling.User"));
    assertThat(events).anySatisfy(e -> assertThat(e.errorCode()).hasValue("ServiceUnavailable"));
    assertThat(events).anySatisfy(e -> assertThat(e.errorCode()).hasValue("IncorrectStatus.NatGateway"));
    assertThat(events).anySatisfy(e -> assertThat(e.attempt()).isGreaterThan(1));
  }

  @Test
  void theRetryAfterTheEmulatorSendsIsWaitedBeforeTheNextAttempt() throws IOException {
    FakeCloud fake = FakeCloud.builder().seed(5).build();
    ContractFixture f = ContractFixture.plant(fake);
    fake.faults(FaultPlan.builder()
        .throttle(CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, 1.0, Duration.ofMillis(4_321)).build());
    onSleep = d -> fake.faults(FaultPlan.none()); // the throttling ends while the client waits
    AliyunCloudPort port = port(Emulator.builder(), fake, 3);

    port.ecs().describeSecurityGroup(f.securityGroup());

    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(4_321));
    List<RequestEvent> reads = events.stream()
        .filter(e -> e.action().equals(CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE)).toList();
    assertThat(reads).extracting(RequestEvent::attempt).containsExactly(1, 2);
    assertThat(reads.get(0).errorCode()).hasValue("Throttling.User");
    assertThat(reads.get(1).succeeded()).isTrue();
  }

  @Test
  void aWriteWhoseAnswerIsLostIsRetriedWithTheSameTokenAndActsOnce() throws IOException {
    FakeCloud fake = FakeCloud.builder().seed(9).build();
    ContractFixture f = ContractFixture.plant(fake);
    AliyunCloudPort port = port(Emulator.builder()
        .truncateBody(CloudActions.CREATE_SNAT_ENTRY, 1)
        .truncateBody(CloudActions.AUTHORIZE_SECURITY_GROUP, 1), fake, 4);

    SnatEntryId entry = port.vpc().createSnatEntry(SnatEntryRequest.builder().snatTableId(f.snatTable().value())
        .sourceVSwitchId(f.vSwitch().value()).addSnatIp(f.eip().toString()).build());
    port.ecs().authorizeRule(SecurityGroupRuleRequest.of(f.securityGroup(),
        SecurityGroupRule.ingress().tcp(443).peer("192.168.0.0/16").accept().build()));

    assertThat(fake.callCount(CloudActions.CREATE_SNAT_ENTRY)).isEqualTo(2); // the write reached the fake twice
    assertThat(fake.callCount(CloudActions.AUTHORIZE_SECURITY_GROUP)).isEqualTo(2);
    Inventory state = fake.inventory();
    assertThat(state.snatEntriesOf(f.natGateway())).singleElement()
        .satisfies(e -> assertThat(e.id()).isEqualTo(entry)); // ... and acted once
    assertThat(state.securityGroup(f.securityGroup()).orElseThrow().rules()).hasSize(1);
  }

  @Test
  void anEasCreateWhoseAnswerIsLostIsNotSentAgainWhenItActed() throws IOException {
    FakeCloud fake = FakeCloud.builder().seed(13).build();
    ContractFixture.plant(fake);
    fake.estate().inVpc("contract").securityGroup("svc-sg");
    String json = "{\"name\":\"lost_answer\",\"metadata\":{\"instance\":1},\"cloud\":{\"networking\":{"
        + "\"vpc_id\":\"" + fake.id(io.easnet.core.model.ResourceId.VpcId.class, "contract").value() + "\","
        + "\"vswitch_id\":\"" + fake.id(io.easnet.core.model.ResourceId.VSwitchId.class, "contract-eas").value() + "\","
        + "\"security_group_id\":\"" + fake.id(io.easnet.core.model.ResourceId.SecurityGroupId.class, "svc-sg").value()
        + "\"}}}";
    AliyunCloudPort port = port(Emulator.builder().truncateBody(CloudActions.CREATE_SERVICE, 1), fake, 4);

    port.eas().createService(json);

    assertThat(fake.callCount(CloudActions.CREATE_SERVICE)).isEqualTo(1);
    assertThat(fake.serviceNames()).containsOnlyOnce("lost_answer");
    assertThat(fake.callCount(CloudActions.DESCRIBE_SERVICE)).isGreaterThanOrEqualTo(1); // it read before deciding
  }
}
