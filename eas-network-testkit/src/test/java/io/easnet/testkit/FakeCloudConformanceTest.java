package io.easnet.testkit;

import io.easnet.core.spi.CloudPort;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the cloud port's contract suite against the fake cloud, on a fresh fake per test, with pages of 5 so that
 * lists take several requests.
 */
// ROOT-README: conformance
class FakeCloudConformanceTest extends CloudPortContractTest {
  private FakeCloud fake;
  private ContractFixture fixture;

  @BeforeEach
  void plant() {
    fake = FakeCloud.builder().seed(11).pageSize(5).build();
    fixture = ContractFixture.plant(fake);
  }

  @Override
  protected CloudPort port() {
    return fake;
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
// end
