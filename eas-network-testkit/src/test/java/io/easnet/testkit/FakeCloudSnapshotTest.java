package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.json.Snapshot;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ResourceId.VSwitchId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeCloudSnapshotTest {
  @TempDir Path dir;

  private static FakeCloud estate() {
    FakeCloud fake = FakeCloud.builder().seed(8).build();
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24")
        .securityGroup("eas-sg")
        .rule("eas-sg", SecurityGroupRule.egress().tcp(443).peer("0.0.0.0/0"))
        .natGateway("nat").eip("nat", "47.100.1.1").snatEntry("nat", "eas")
        .service("chat", "eas", "eas-sg", 5);
    return fake;
  }

  @Test
  void saveThenLoadGivesTheSameStateAndServices() {
    FakeCloud fake = estate();
    Path file = dir.resolve("snapshot.json");
    fake.save(file);
    FakeCloud copy = FakeCloud.create().load(file);
    assertThat(copy.inventory()).isEqualTo(fake.inventory());
    assertThat(copy.serviceNames()).containsExactly("chat");
    assertThat(copy.eas().describeService("chat")).isEqualTo(fake.eas().describeService("chat"));
  }

  @Test
  void loadedServicesKeepTheReportedFreeAddressesAndStillCount() {
    FakeCloud fake = estate();
    assertThat(fake.inventory().vSwitch(fake.id(VSwitchId.class, "eas")).orElseThrow().availableIpAddressCount())
        .isEqualTo(252 - 5);
    Snapshot snapshot = fake.snapshot();
    FakeCloud copy = FakeCloud.create().load(snapshot);
    assertThat(copy.inventory().vSwitch(fake.id(VSwitchId.class, "eas")).orElseThrow().availableIpAddressCount())
        .isEqualTo(247);
    copy.eas().updateService("chat", "{\"metadata\":{\"instance\":2}}", io.easnet.core.spi.EasApi.UpdateType.MERGE);
    assertThat(copy.inventory().vSwitch(fake.id(VSwitchId.class, "eas")).orElseThrow().availableIpAddressCount())
        .as("scaling the loaded service down frees its addresses").isEqualTo(250);
  }

  @Test
  void loadingABrokenFileNamesTheFile() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\"}]}");
    assertThatThrownBy(() -> FakeCloud.create().load(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("broken.json");
  }
}
