package io.easnet.aliyun.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.aliyun.AliyunCloudPort;
import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProviders;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The adapter example of docs/library.md: the real adapter, signed HTTP, against the emulator. */
class RootReadmeAdapterExampleTest {
  @Test
  void theAdapterReadsEveryPageFromTheEmulator() throws Exception {
    FakeCloud fake = FakeCloud.builder().pageSize(2).build();
    fake.estate().vpc("prod", "192.168.0.0/16").vSwitch("a", "192.168.1.0/24").vSwitch("b", "192.168.2.0/24")
        .vSwitch("c", "192.168.3.0/24");
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    // ROOT-README: adapter-emulator
    Emulator emulator = Emulator.builder().fake(fake).accessKey("LTAI-test", "test-secret").build().start();
    CloudPort port = AliyunCloudPort.create(AliyunOptions.builder("cn-hangzhou")
        .credentials(CredentialsProviders.of(Credentials.of("LTAI-test", "test-secret")))
        .endpointOverride(URI.create(emulator.url()))   // every product; plain HTTP only to a loopback address
        .requestListener(events::add)                   // one event per HTTP request: page, attempt, error code
        .build());
    List<VSwitch> vSwitches = port.vpc().describeVSwitches(fake.id(VpcId.class, "prod"));   // every page
    // end
    try {
      assertThat(vSwitches).extracting(v -> v.cidrBlock().toString())
          .containsExactlyInAnyOrder("192.168.1.0/24", "192.168.2.0/24", "192.168.3.0/24");
      assertThat(emulator.nearMisses()).isEmpty();
    } finally {
      emulator.close();
    }
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.succeeded()).isTrue());
  }
}
