package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Target;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
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
 * before any of them has run. A sequential loader would queue one call and wait for it.
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

  private ServiceSpec service() {
    return ServiceSpec.builder().name("svc").networking(ServiceNetworking.of(fake.id(VpcId.class, "prod"),
        fake.id(VSwitchId.class, "eas"), fake.id(SecurityGroupId.class, "eas-sg"))).build();
  }

  /**
   * Loads on another thread; returns how many calls were queued before the first one ran, and the inventory. The
   * loader submits every independent call and then parks in {@code get()}: the queue is read only once the loader
   * thread is parked, so the count does not depend on timing.
   */
  private int queuedBeforeTheFirstRuns(Question question, List<Inventory> out) throws Exception {
    BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    try (InventoryLoader loader = InventoryLoader.builder().port(fake).executor(queue::add).build()) {
      CompletableFuture<Inventory> result = new CompletableFuture<>();
      Thread loading = new Thread(() -> {
        try {
          result.complete(loader.load(question));
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      }, "loader-under-test");
      loading.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!parked(loading) || queue.isEmpty()) {
        assertThat(System.nanoTime()).as("the loader neither queued a call nor parked").isLessThan(deadline);
        assertThat(result.isDone()).as("the loader finished without queueing a call").isFalse();
        Thread.onSpinWait();
      }
      List<Runnable> waiting = new ArrayList<>();
      queue.drainTo(waiting);
      int queued = waiting.size();
      assertThat(fake.calls()).as("no call ran before the test ran it").isEmpty();
      waiting.forEach(Runnable::run);
      while (!result.isDone()) {
        assertThat(System.nanoTime()).as("the load did not finish").isLessThan(deadline);
        Runnable r = queue.poll(10, TimeUnit.MILLISECONDS);
        if (r != null) {
          r.run();
        }
      }
      out.add(result.get());
      loading.join();
      return queued;
    }
  }

  private static boolean parked(Thread t) {
    Thread.State state = t.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  @Test
  void independentCallsOfAPrivatePathQuestionAreInFlightTogether() throws Exception {
    List<Inventory> out = new ArrayList<>();
    int queued = queuedBeforeTheFirstRuns(Question.privateTarget(service(), Target.rds(fake.id(RdsInstanceId.class, "orders"))), out);
    assertThat(queued).isGreaterThanOrEqualTo(3);
    assertThat(out.get(0).rdsInstance(fake.id(RdsInstanceId.class, "orders"))).isPresent();
    assertThat(fake.calls()).contains(CloudActions.DESCRIBE_VPCS, CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.RDS_DESCRIBE_INSTANCE);
  }

  @Test
  void independentCallsOfAnInternetQuestionAreInFlightTogether() throws Exception {
    List<Inventory> out = new ArrayList<>();
    int queued = queuedBeforeTheFirstRuns(Question.internetEgress(service()), out);
    assertThat(queued).isGreaterThanOrEqualTo(3);
    assertThat(out.get(0).natGateways()).hasSize(1);
    assertThat(fake.calls()).hasSize(6);
  }
}
