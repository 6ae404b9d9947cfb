package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.Provenance;
import io.easnet.core.spi.CloudActions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loader starts independent calls together: with an executor that only queues tasks, several calls are waiting
 * before any of them has run. A sequential loader would queue one call and wait for it. Written by the audit of
 * issue 4.
 */
class LoaderParallelismTest {
  private final FakeCloud fake = FakeCloud.builder().seed(5).build();

  LoaderParallelismTest() {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24")
        .vSwitch("db", "192.168.2.0/24")
        .securityGroup("eas-sg")
        .securityGroup("db-sg")
        .rds("orders", "db", "192.168.2.10", "db-sg")
        .natGateway("nat")
        .eip("nat", "47.100.1.1")
        .snatEntry("nat", "eas");
  }

  private EffectiveNetwork network() {
    return EffectiveNetwork.builder().serviceName("svc").provenance(Provenance.SERVICE)
        .vpcId(fake.vpcId("prod")).addVSwitchId(fake.vSwitchId("eas"))
        .securityGroupId(fake.securityGroupId("eas-sg")).build();
  }

  /** Loads on another thread; returns how many calls were queued before the first one ran, and the inventory. */
  private int queuedBeforeTheFirstRuns(Question question, List<Inventory> out) throws Exception {
    BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    try (InventoryLoader loader = InventoryLoader.builder().port(fake).executor(queue::add).build()) {
      CompletableFuture<Inventory> result = CompletableFuture.supplyAsync(() -> loader.load(question));
      List<Runnable> waiting = new ArrayList<>();
      Runnable first = queue.poll(10, TimeUnit.SECONDS);
      assertThat(first).as("the loader queued no call").isNotNull();
      waiting.add(first);
      // every independent call is queued at once; give the loader thread a chance to queue the rest
      Runnable next;
      while ((next = queue.poll(200, TimeUnit.MILLISECONDS)) != null) {
        waiting.add(next);
      }
      int queued = waiting.size();
      assertThat(fake.calls()).as("no call ran before the test ran it").isEmpty();
      waiting.forEach(Runnable::run);
      for (int i = 0; i < 1000 && !result.isDone(); i++) {
        Runnable r = queue.poll(100, TimeUnit.MILLISECONDS);
        if (r != null) {
          r.run();
        }
      }
      out.add(result.get(10, TimeUnit.SECONDS));
      return queued;
    }
  }

  @Test
  void independentCallsOfAPrivatePathQuestionAreInFlightTogether() throws Exception {
    List<Inventory> out = new ArrayList<>();
    int queued = queuedBeforeTheFirstRuns(Question.privatePath(network(), fake.rdsInstanceId("orders")), out);
    assertThat(queued).isGreaterThanOrEqualTo(3);
    assertThat(out.get(0).rdsInstance(fake.rdsInstanceId("orders"))).isPresent();
    assertThat(fake.calls()).contains(CloudActions.DESCRIBE_VPCS, CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.RDS_DESCRIBE_INSTANCE);
  }

  @Test
  void independentCallsOfAnInternetQuestionAreInFlightTogether() throws Exception {
    List<Inventory> out = new ArrayList<>();
    int queued = queuedBeforeTheFirstRuns(Question.internetEgress(network()), out);
    assertThat(queued).isGreaterThanOrEqualTo(3);
    assertThat(out.get(0).natGateways()).hasSize(1);
    assertThat(fake.calls()).hasSize(6);
  }
}
