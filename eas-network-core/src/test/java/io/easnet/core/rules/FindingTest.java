package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingTest {

  private static Finding.Builder base() {
    return Finding.builder().ruleId("EASNET-008").severity(Severity.ERROR)
        .summary("vSwitch not in the configured VPC")
        .message("service svc: vSwitch vsw-b is in VPC vpc-b, not in the configured VPC vpc-a")
        .source("service.json").pointer("/cloud/networking/vswitch_id").serviceName("svc")
        .addResourceIds("vsw-b", "vpc-a").remediation("use a vSwitch of vpc-a")
        .docUrl(Rule.DOC_BASE_URL + "EASNET-008.md");
  }

  @Test
  void rendersLikeErrorProneWithLocationNearMissFixAndLink() {
    assertThat(base().didYouMean("vsw-a").build().render()).isEqualTo(
        "[EASNET-008] vSwitch not in the configured VPC\n"
            + "  service svc: vSwitch vsw-b is in VPC vpc-b, not in the configured VPC vpc-a\n"
            + "  at service.json:/cloud/networking/vswitch_id\n"
            + "  Did you mean vsw-a?\n"
            + "  Fix: use a vSwitch of vpc-a\n"
            + "  See https://github.com/easnet/eas-network/blob/main/docs/rules/EASNET-008.md");
  }

  @Test
  void rendersWithoutNearMissWhenThereIsNone() {
    assertThat(base().build().render()).doesNotContain("Did you mean");
  }

  @Test
  void fingerprintIgnoresMessageAndPointerButNotIdentityOrSource() {
    Finding a = base().build();
    Finding b = base().message("other words").pointer("/elsewhere").build();
    assertThat(a.fingerprint()).hasSize(32).matches("[0-9a-f]{32}").isEqualTo(b.fingerprint());
    assertThat(base().source("other.json").build().fingerprint()).isNotEqualTo(a.fingerprint());
    assertThat(base().identity("port=22").build().fingerprint()).isNotEqualTo(a.fingerprint());
    assertThat(base().ruleId("EASNET-009").build().fingerprint()).isNotEqualTo(a.fingerprint());
  }

  @Test
  void locationWithoutSourceIsThePointerAlone() {
    assertThat(Finding.builder().from(base().build()).source(java.util.Optional.empty()).pointer("").build()
        .location()).isEqualTo("/");
  }
}
