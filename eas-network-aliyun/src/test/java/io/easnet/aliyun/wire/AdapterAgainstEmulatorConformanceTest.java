package io.easnet.aliyun.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.aliyun.AliyunCloudPort;
import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProviders;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.CloudPortContractTest;
import io.easnet.testkit.ContractFixture;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;

/**
 * The port's conformance suite through the real wire: the Aliyun adapter signs and sends HTTP requests to the
 * testkit's emulator, which verifies the signatures and answers from a fake cloud's state. Adapter and emulator share
 * no wire code (each was written from the API reference), so each checks the other. Retries are off: the suite checks
 * the port's semantics, and a busy resource must come back as a {@code CONFLICT}, not be waited out.
 */
class AdapterAgainstEmulatorConformanceTest extends CloudPortContractTest {
  private static final String KEY_ID = "LTAI5tConformance";
  private static final String KEY_SECRET = "conformance-secret-value";

  private final FakeCloud fake = FakeCloud.builder().seed(7).build();
  private final ContractFixture fixture = ContractFixture.plant(fake);
  private final Emulator emulator = start(Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).build());
  private final CloudPort port = AliyunCloudPort.create(AliyunOptions.builder(fake.inventory().regionId().orElse("cn-hangzhou"))
      .credentials(CredentialsProviders.of(Credentials.of(KEY_ID, KEY_SECRET)))
      .endpointOverride(URI.create(emulator.url()))
      .retryPolicy(RetryPolicy.none())
      .build());

  private static Emulator start(Emulator emulator) {
    try {
      return emulator.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void everyRequestWasOneTheEmulatorKnows() {
    try {
      assertThat(emulator.nearMisses()).as("requests the emulator could not route").isEmpty();
    } finally {
      emulator.close();
    }
  }

  @Override
  protected CloudPort port() {
    return port;
  }

  @Override
  protected ContractFixture fixture() {
    return fixture;
  }

  @Override
  protected void settle() {
    fake.advance();
  }
}
