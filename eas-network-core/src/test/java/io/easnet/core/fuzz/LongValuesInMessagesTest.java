package io.easnet.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.rules.Suppressions;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A value of 100,000 characters in any reader gives a refusal of at most {@link FuzzContract#MAX_MESSAGE} characters
 * that still says what is wrong: the readers quote values, and the exception bounds each part. (The fuzzer's inputs
 * stay below 4 KiB, so this is the long-input half of the fuzz contract.)
 */
class LongValuesInMessagesTest {
  private static final String LONG = "x".repeat(100_000);

  private static void refused(String source, Supplier<?> read, String fragment) {
    try {
      read.get();
    } catch (InvalidInputException e) {
      FuzzContract.assertRefusal(e, source, LONG);
      assertThat(e.getMessage()).contains(fragment);
      return;
    }
    throw new AssertionError("read");
  }

  @Test
  void snapshotValuesKeysAndIds() {
    String key = "k".repeat(40_000); // keys are read up to 50,000 characters
    refused("s.json", () -> SnapshotJson.parse("{\"schemaVersion\": 1, \"" + key + "\": 1}", "s.json"),
        "unknown key");
    refused("s.json", () -> SnapshotJson.parse("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"" + LONG + "\"}]}",
        "s.json"), "s.json at /vpcs/0/id");
    refused("s.json", () -> SnapshotJson.parse("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\", \"cidrBlock\":"
        + " \"10.0.0.0/16\"}], \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\": [{\"direction\":"
        + " \"ingress\", \"protocol\": \"tcp\", \"portRange\": \"" + LONG + "\", \"peerCidr\": \"10.0.0.0/8\"}]}]}",
        "s.json"), "is not a port range");
  }

  @Test
  void serviceSuppressionsAndIntents() {
    refused("svc.json", () -> ServiceDocument.parse("{\"metadata\": {\"name\": \"a\", \"instance\": \"" + LONG
        + "\"}}", "svc.json"), "svc.json at /metadata/instance");
    refused(null, () -> Suppressions.parse("{\"suppressions\": [{\"id\": \"" + LONG + "\", \"scope\": \"*\","
        + " \"reason\": \"r\", \"expires\": \"2027-01-01\"}]}"), "is not a rule id");
    refused("intents.json", () -> IntentSyntax.parse("rds:" + LONG, "intents.json", "/services/0/intents/0"),
        "is not an intent");
  }
}
