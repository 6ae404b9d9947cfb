package io.easnet.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.vpc20160428.models.DescribeVSwitchesRequest;
import com.aliyun.vpc20160428.models.DescribeVSwitchesResponseBody.DescribeVSwitchesResponseBodyVSwitchesVSwitch;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import org.junit.jupiter.api.Test;

/** The emulator example of eas-network-testkit/README.md (linked from docs/testkit.md), run. */
class EmulatorReadmeExampleTest {
  @Test
  void theOfficialVpcSdkReadsTheFakesVSwitchesThroughTheEmulator() throws Exception {
    // README: emulator
    FakeCloud fake = FakeCloud.create();
    fake.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24");
    try (Emulator emulator = Emulator.builder().fake(fake).accessKey("LTAI-test", "test-secret").build().start()) {
      Config config = new Config().setAccessKeyId("LTAI-test").setAccessKeySecret("test-secret")
          .setRegionId("cn-hangzhou").setEndpoint(emulator.endpoint()).setProtocol("HTTP");
      var vSwitches = new com.aliyun.vpc20160428.Client(config).describeVSwitches(new DescribeVSwitchesRequest()
          .setRegionId("cn-hangzhou").setVpcId(fake.id(VpcId.class, "prod").value())).getBody().getVSwitches();
      assertThat(vSwitches.getVSwitch()).extracting(DescribeVSwitchesResponseBodyVSwitchesVSwitch::getCidrBlock)
          .containsExactly("192.168.1.0/24");
      assertThat(fake.calls()).containsExactly("vpc:DescribeVSwitches");
    }
    // end
  }
}
