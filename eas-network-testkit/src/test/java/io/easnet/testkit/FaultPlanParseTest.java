package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.spi.CloudActions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The text form of a {@link FaultPlan}: the same faults as the builder's, every bad item named. */
class FaultPlanParseTest {
  @Test
  void theTextFormBuildsTheSamePlanAsTheBuilder() {
    FaultPlan parsed = FaultPlan.parse(" throttling=0.3/2s, server-error=0.01,conflict@vpc:CreateSnatEntry=0.2,"
        + "error:Forbidden.RAM@ecs:AuthorizeSecurityGroup=1,latency@vpc:DescribeVpcs=250ms ");
    FaultPlan built = FaultPlan.builder().throttle(FaultPlan.ANY_ACTION, 0.3, Duration.ofSeconds(2))
        .fail(FaultPlan.ANY_ACTION, "ServiceUnavailable", 0.01)
        .fail(CloudActions.CREATE_SNAT_ENTRY, "OperationConflict", 0.2)
        .fail(CloudActions.AUTHORIZE_SECURITY_GROUP, "Forbidden.RAM", 1.0)
        .latency(CloudActions.DESCRIBE_VPCS, Duration.ofMillis(250)).build();
    assertThat(parsed.faults()).isEqualTo(built.faults());
    assertThat(FaultPlan.parse("throttling=1").faults()).singleElement()
        .satisfies(f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    assertThat(FaultPlan.parse("").isEmpty()).isTrue();
    assertThat(FaultPlan.kindOf("OperationConflict")).isEqualTo(CloudServiceException.Kind.CONFLICT);
    assertThat(FaultPlan.kindOf("ServiceUnavailable")).isEqualTo(CloudServiceException.Kind.SERVER_ERROR);
  }

  @Test
  void aParsedPlanInjectsItsFaultsThroughTheFake() {
    try (FakeCloud fake = FakeCloud.builder().seed(3).faults(FaultPlan.parse("throttling@vpc:DescribeVpcs=1/1500ms"))
        .build()) {
      assertThatThrownBy(() -> fake.vpc().describeVpcs()).isInstanceOfSatisfying(CloudServiceException.class,
          e -> {
            assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.THROTTLED);
            assertThat(e.retryAfterSeconds()).contains(2);
          });
    }
  }

  @Test
  void everyBadItemIsNamedWithTheAcceptedForm() {
    String[][] bad = {
        {"throttling", "not KIND[@ACTION]=VALUE"},
        {"=0.1", "not KIND[@ACTION]=VALUE"},
        {"throttling=2", "probability from 0 to 1"},
        {"throttling=0.1/forever", "whole number with ms, s or m"},
        {"throttling=0.1/2d", "whole number with ms, s or m"},
        {"latency=2000m", "longer than one day"},
        {"server-error=NaN", "probability"},
        {"conflict=Infinity", "probability"},
        {"error:=0.1", "is not a code"},
        {"error:bad code=0.1", "is not a code"},
        {"throttling@vpc:Nope=0.1", "not one the fake serves"},
        {"smoke=0.1", "kinds are"},
        {"throttling=0.1,,", "not KIND[@ACTION]=VALUE"},
    };
    for (String[] b : bad) {
      assertThatThrownBy(() -> FaultPlan.parse(b[0])).as(b[0]).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(b[1]).hasMessageContaining("e.g. throttling=0.3/2s");
    }
    assertThatThrownBy(() -> FaultPlan.parse("latency=1ms,".repeat(1_000))).hasMessageContaining("at most 4096");
    assertThatThrownBy(() -> FaultPlan.parse("latency=1ms,".repeat(65) + "latency=1ms"))
        .hasMessageContaining("at most 64 items");
    assertThatThrownBy(() -> FaultPlan.parse("error:\u001b]0;x\u0007=1")).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007"));
  }
}
