package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Tests the extension by running sample classes through JUnit's {@link EngineTestKit}. The samples are static
 * nested classes whose names do not end in {@code Test}, so Surefire never runs them on their own.
 */
class EasNetworkExtensionTest {
  static final List<FakeCloud> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void reset() {
    SEEN.clear();
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
  }

  @Test
  void declarativeFormInjectsAFreshFakePerTestWithTheAnnotatedSeedAndClosesIt() {
    run(DeclarativeSample.class).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    assertThat(SEEN).allSatisfy(f -> {
      assertThat(f.seed()).isEqualTo(42);
      assertThat(f.isClosed()).isTrue();
    });
  }

  @Test
  void declarativePerClassSharesOneFakeAcrossTestsNestedClassesAndBeforeAll() {
    run(PerClassSample.class).assertStatistics(s -> s.started(3).succeeded(3));
    assertThat(SEEN).hasSizeGreaterThanOrEqualTo(4);
    assertThat(SEEN).allSatisfy(f -> assertThat(f).isSameAs(SEEN.get(0)));
    assertThat(SEEN.get(0).isClosed()).isTrue();
  }

  @Test
  void staticFieldRegistrationLivesPerClassAndPlantsTheEstate() {
    run(StaticFieldSample.class).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(SEEN.get(0).seed()).isEqualTo(7);
    assertThat(SEEN.get(0).isClosed()).isTrue();
  }

  @Test
  void instanceFieldRegistrationGivesEachTestItsOwnFake() {
    run(InstanceFieldSample.class).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    assertThat(SEEN).allSatisfy(f -> assertThat(f.isClosed()).isTrue());
  }

  @Test
  void aTestThatBreaksAnInvariantFailsWithTheCloudError() {
    Events events = run(FailingSample.class);
    events.assertStatistics(s -> s.started(1).failed(1));
    assertThat(events.failed().stream().findFirst().orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow().getMessage())
        .contains("InvalidSecurityGroupId.NotFound");
  }

  // ------------------------------------------------------------------------------------------- samples

  @EasNetworkTest(seed = 42)
  static class DeclarativeSample {
    @Test
    void first(FakeCloud fake) {
      SEEN.add(fake);
      fake.estate().vpc("a", "10.0.0.0/16");
      assertThat(fake.vpc().describeVpcs()).hasSize(1);
    }

    @Test
    void second(FakeCloud fake, CloudPort port) {
      SEEN.add(fake);
      assertThat(port).isSameAs(fake);
      assertThat(fake.vpc().describeVpcs()).as("a fresh fake per test").isEmpty();
    }
  }

  @EasNetworkTest(perClass = true)
  static class PerClassSample {
    private final FakeCloud fromConstructor;

    PerClassSample(FakeCloud fake) {
      this.fromConstructor = fake;
    }

    @BeforeAll
    static void plant(FakeCloud fake) {
      SEEN.add(fake);
      fake.estate().vpc("shared", "10.0.0.0/16");
    }

    @Test
    void first(FakeCloud fake) {
      SEEN.add(fake);
      SEEN.add(fromConstructor);
      assertThat(fake.id(VpcId.class, "shared")).isNotNull();
    }

    @Test
    void second(FakeCloud fake) {
      SEEN.add(fake);
      assertThat(fake.vpc().describeVpcs()).hasSize(1);
    }

    @Nested
    class Inner {
      @Test
      void nestedSeesTheSameFake(FakeCloud fake) {
        SEEN.add(fake);
        assertThat(fake.id(VpcId.class, "shared")).isNotNull();
      }
    }
  }

  static class StaticFieldSample {
    @RegisterExtension
    static EasNetworkExtension cloud = EasNetworkExtension.builder()
        .seed(7)
        .estate(e -> e.vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24"))
        .build();

    @Test
    void first() {
      SEEN.add(cloud.fake());
      assertThat(cloud.fake().vpc().describeVSwitch(cloud.fake().id(VSwitchId.class, "eas")).cidrBlock())
          .hasToString("192.168.1.0/24");
    }

    @Test
    void second(FakeCloud fake) {
      SEEN.add(fake);
      assertThat(fake).isSameAs(cloud.fake());
    }
  }

  static class InstanceFieldSample {
    @RegisterExtension
    EasNetworkExtension cloud = EasNetworkExtension.builder().build();

    @Test
    void first(FakeCloud fake) {
      SEEN.add(fake);
      assertThat(fake).isSameAs(cloud.fake());
    }

    @Test
    void second(FakeCloud fake) {
      SEEN.add(fake);
      assertThat(fake).isSameAs(cloud.fake());
    }
  }

  @EasNetworkTest
  static class FailingSample {
    @Test
    void authorizesOnAMissingGroup(FakeCloud fake) {
      fake.ecs().describeSecurityGroup(io.easnet.core.model.ResourceId.SecurityGroupId.of("sg-missing"));
    }
  }
}
