package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.aliyun.internal.Acs3Signer;
import io.easnet.aliyun.internal.HttpTransport;
import io.easnet.core.CloudServiceException;
import io.easnet.core.json.Snapshot;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.Vpc;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.emulator.Emulator;
import io.easnet.testkit.gen.EstateGenerator;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two orders of one port call, differentially: the adapter with {@code concurrency(1)} (its requests one after the
 * other, as before the fan-out) and with {@code concurrency(4)} read the same generated estates through the
 * {@link Emulator} and must give equal results for every call that sends independent requests together (RDS and
 * Redis instances and their lists, security groups, route tables, the service list), and equal failures: under
 * retryable faults at random rates (throttling, server errors: both converge to the estate), and under actions that
 * always fail with a code of their own, where the failure reported must be the one the sequential order meets first,
 * with unknown ids among the calls.
 *
 * <p>{@value #DEFAULT_ESTATES} estates by default; {@code -Deasnet.parallelEqualsSequential.estates=N} runs more.
 */
class ParallelEqualsSequentialProperties {
  static final int DEFAULT_ESTATES = 40;
  private static final String KEY_ID = "LTAI5tParallel";
  private static final String KEY_SECRET = "parallel-equals-sequential-secret";

  /** The reads of the calls that fan out; a random subset of them fails for good in the third phase. */
  private static final List<String> READS = List.of(CloudActions.RDS_DESCRIBE_INSTANCE,
      CloudActions.RDS_DESCRIBE_NET_INFO, CloudActions.RDS_DESCRIBE_ALLOWLISTS, CloudActions.RDS_DESCRIBE_SECURITY_GROUPS,
      CloudActions.REDIS_DESCRIBE_INSTANCE, CloudActions.REDIS_DESCRIBE_ALLOWLISTS,
      CloudActions.REDIS_DESCRIBE_SECURITY_GROUPS, CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE,
      CloudActions.DESCRIBE_SECURITY_GROUPS, CloudActions.DESCRIBE_ROUTE_TABLES, CloudActions.DESCRIBE_SERVICE);

  private static FakeCloud fake;
  private static Emulator emulator;

  @BeforeAll
  static void serve() throws IOException {
    fake = FakeCloud.builder().seed(18).pageSize(3).build();
    emulator = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).build().start();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static AliyunCloudPort port(String region, int concurrency) {
    AliyunOptions options = AliyunOptions.builder(region)
        .credentials(CredentialsProviders.of(Credentials.of(KEY_ID, KEY_SECRET)))
        .endpointOverride(URI.create(emulator.url()))
        .retryPolicy(RetryPolicy.builder().maxAttempts(12).build())
        .rateLimit(1_000_000, Duration.ofSeconds(1))
        .actionRateLimit(1_000_000, Duration.ofSeconds(1))
        .circuitBreaker(100, Duration.ofSeconds(1))
        .concurrency(concurrency)
        .build();
    // the retries' waits are not slept: the faults' retry-after is the fake's, not this test's, concern
    return AliyunCloudPort.over(new HttpTransport(options, new OkHttpClient(), Acs3Signer.system(), d -> { },
        () -> 0.5, System::nanoTime));
  }

  @Test
  void theParallelAdapterReadsWhatTheSequentialOneReadsWithAndWithoutFaults() {
    int estates = Integer.getInteger("easnet.parallelEqualsSequential.estates", DEFAULT_ESTATES);
    long seed = Long.getLong("easnet.parallelEqualsSequential.seed", 20261218L);
    int calls = 0;
    int failures = 0;
    for (int i = 0; i < estates; i++) {
      long s = seed + i;
      Snapshot source = EstateGenerator.snapshot(new SplittableRandom(s));
      fake.load(source);
      fake.faults(FaultPlan.none());
      String region = source.inventory().regionId().orElseThrow();
      try (AliyunCloudPort sequential = port(region, 1); AliyunCloudPort parallel = port(region, 4)) {
        Map<String, String> truth = outcomes(sequential, source.inventory());
        assertThat(truth.values()).as("seed %d: the estate reads without faults", s)
            .noneMatch(o -> o.startsWith("FAIL") && !o.contains("NotFound"));
        assertThat(outcomes(parallel, source.inventory())).as("seed %d, no faults", s).isEqualTo(truth);
        calls += truth.size();

        // retryable faults at random rates: every call still ends in the estate
        SplittableRandom r = new SplittableRandom(s * 31);
        fake.faults(FaultPlan.builder()
            .throttle(FaultPlan.ANY_ACTION, r.nextDouble(0.05, 0.25), Duration.ofMillis(10))
            .fail(FaultPlan.ANY_ACTION, "ServiceUnavailable", r.nextDouble(0.0, 0.1)).build());
        assertThat(outcomes(parallel, source.inventory())).as("seed %d, retryable faults, parallel", s)
            .isEqualTo(truth);
        assertThat(outcomes(sequential, source.inventory())).as("seed %d, retryable faults, sequential", s)
            .isEqualTo(truth);

        // some reads always fail, each with a code of its own: the first in the sequential order is reported
        FaultPlan.Builder broken = FaultPlan.builder();
        for (String action : READS) {
          if (r.nextInt(3) == 0) {
            broken.fail(action, "Forbidden.Test" + action.substring(action.indexOf(':') + 1), 1.0);
          }
        }
        fake.faults(broken.build());
        Map<String, String> sequentialFailures = outcomes(sequential, source.inventory());
        assertThat(outcomes(parallel, source.inventory())).as("seed %d, failing reads", s)
            .isEqualTo(sequentialFailures);
        failures += (int) sequentialFailures.values().stream().filter(o -> o.contains("Forbidden.Test")).count();
      }
    }
    assertThat(calls).as("calls compared").isGreaterThan(estates * 5);
    assertThat(failures).as("failures compared").isGreaterThan(estates);
    assertThat(emulator.nearMisses()).as("requests the emulator could not route").isEmpty();
  }

  /** Every call that sends independent requests together, by name: its result or its failure. */
  private static Map<String, String> outcomes(CloudPort port, Inventory estate) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Vpc vpc : estate.vpcs()) {
      out.put("routeTables " + vpc.id(), outcome(() -> port.vpc().describeRouteTables(vpc.id())));
      out.put("rdsInstances " + vpc.id(), outcome(() -> port.rds().describeInstances(vpc.id())));
      out.put("redisInstances " + vpc.id(), outcome(() -> port.redis().describeInstances(vpc.id())));
    }
    List<RdsInstanceId> rds = new ArrayList<>(estate.rdsInstances().stream().map(RdsInstance::id).toList());
    rds.add(RdsInstanceId.of("rm-parallelmissing"));
    for (RdsInstanceId id : rds) {
      out.put("rds " + id, outcome(() -> port.rds().describeInstance(id)));
    }
    List<RedisInstanceId> redis = new ArrayList<>(estate.redisInstances().stream().map(RedisInstance::id).toList());
    redis.add(RedisInstanceId.of("r-parallelmissing"));
    for (RedisInstanceId id : redis) {
      out.put("redis " + id, outcome(() -> port.redis().describeInstance(id)));
    }
    List<SecurityGroupId> groups = new ArrayList<>(estate.securityGroups().stream().map(SecurityGroup::id).toList());
    groups.add(SecurityGroupId.of("sg-parallelmissing"));
    for (SecurityGroupId id : groups) {
      out.put("group " + id, outcome(() -> port.ecs().describeSecurityGroup(id)));
    }
    out.put("services", outcome(() -> port.eas().listServices()));
    return out;
  }

  private static String outcome(Supplier<?> call) {
    try {
      return String.valueOf(call.get());
    } catch (CloudServiceException e) {
      return "FAIL " + e.action() + " " + e.code() + " " + e.kind();
    } catch (RuntimeException e) {
      // the request id differs between two runs; everything else of the message must not
      return "FAIL " + e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage())
          .replaceAll("RequestId [^\\]\\s]+", "RequestId *");
    }
  }
}
