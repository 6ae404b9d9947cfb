package io.easnet.core.plan;

import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.change.Change.ChangeKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.Vpc;
import io.easnet.core.spi.CloudPort;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A written plan names its service files relative to the plan file with their SHA-256, reads
 * them back against the plan file's directory wherever the reader runs, and the applier refuses a file that is not the
 * planned one before changing anything.
 */
class PlanServiceFilesTest {
  private static final String SERVICE = "{\"metadata\": {\"name\": \"svc\"}, \"cloud\": {\"networking\": {"
      + "\"vpc_id\": \"vpc-b\", \"vswitch_id\": \"vsw-a\", \"security_group_id\": \"sg-eas\"}}}\n";

  @TempDir Path dir;

  private static CloudPort noCloud() {
    return (CloudPort) Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {CloudPort.class},
        (proxy, method, args) -> {
          throw new AssertionError("a networking change called the cloud: " + method.getName());
        });
  }

  private Plan plan(Path intents) {
    Inventory inv = PlanEstates.bare().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16")).build();
    return Planner.of(inv).plan(IntentsFile.read(intents), PlanOptions.defaults()).plan().orElseThrow();
  }

  @Test
  void pathsAreRelativeToThePlanFileAndTheDigestDoesNotDependOnWhereItIsRead() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path service = project.resolve("service.json");
    Files.writeString(service, SERVICE);
    Files.writeString(project.resolve("intents.json"),
        "{\"version\": 1, \"services\": [{\"file\": \"service.json\", \"intents\": []}]}");
    Plan plan = plan(project.resolve("intents.json"));
    Path planFile = Files.createDirectories(dir.resolve("plans/today")).resolve("plan.json");

    plan.write(planFile);

    String json = Files.readString(planFile);
    assertThat(json).contains("\"version\": 3").contains("\"file\": \"../../project/service.json\"")
        .contains("\"fileSha256\": \"" + Plan.sha256(SERVICE) + "\"");
    Plan read = Plan.read(planFile);
    assertThat(read.serviceFiles()).containsExactly(service.toAbsolutePath().normalize());
    assertThat(read.toJson()).isEqualTo(json);
    assertThat(read.digest()).isEqualTo(plan.relativeTo(planFile).digest());
    Plan viaOtherPath = Plan.read(dir.resolve("plans/../plans/today/plan.json"));
    assertThat(viaOtherPath.digest()).isEqualTo(read.digest());
    assertThat(viaOtherPath.serviceFiles()).isEqualTo(read.serviceFiles());

    Applier applier = Applier.builder(noCloud()).build();
    assertThat(applier.apply(read).results()).extracting(ChangeResult::status)
        .containsExactly(ChangeResult.Status.APPLIED);
    assertThat(Files.readString(service)).contains("vpc-a");
  }

  @Test
  void anotherServiceOrAnEditedFileIsRefusedBeforeAnyChange() throws Exception {
    Path service = dir.resolve("service.json");
    Files.writeString(service, SERVICE);
    Files.writeString(dir.resolve("intents.json"),
        "{\"version\": 1, \"services\": [{\"file\": \"service.json\", \"intents\": []}]}");
    Path planFile = dir.resolve("plan.json");
    plan(dir.resolve("intents.json")).write(planFile);
    Plan read = Plan.read(planFile);
    Applier applier = Applier.builder(noCloud()).build();

    String other = SERVICE.replace("\"svc\"", "\"other\"");
    Files.writeString(service, other);
    assertThatThrownBy(() -> applier.apply(read)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/metadata/name").hasMessageContaining("this file is service other");
    assertThatThrownBy(() -> applier.dryRun(read)).isInstanceOf(InvalidInputException.class);
    assertThat(Files.readString(service)).isEqualTo(other);

    String edited = SERVICE.replace("{\"metadata\"", "{\"x-edited\": 1, \"metadata\"");
    Files.writeString(service, edited);
    assertThatThrownBy(() -> applier.apply(read)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("changed since the plan was made");
    assertThat(Files.readString(service)).isEqualTo(edited);
  }

  /** Each change checks its input before the run's first write: a bad second file leaves the first unwritten. */
  @Test
  void aBadServiceFileOfALaterChangeStopsTheRunBeforeTheFirstWrite() throws Exception {
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    Files.writeString(first, SERVICE);
    Files.writeString(second, SERVICE.replace("\"svc\"", "\"svc2\""));
    Files.writeString(dir.resolve("intents.json"), "{\"version\": 1, \"services\": [{\"file\": \"first.json\","
        + " \"intents\": []}, {\"file\": \"second.json\", \"intents\": []}]}");
    Path planFile = dir.resolve("plan.json");
    plan(dir.resolve("intents.json")).write(planFile);
    Plan read = Plan.read(planFile);
    assertThat(read.changes()).extracting(PlannedChange::kind).containsExactly(ChangeKind.SET_SERVICE_NETWORKING,
        ChangeKind.SET_SERVICE_NETWORKING);
    assertThat(read.serviceFiles()).containsExactly(first.toAbsolutePath().normalize(),
        second.toAbsolutePath().normalize());

    String other = SERVICE.replace("\"svc\"", "\"other\"");
    Files.writeString(second, other);
    assertThatThrownBy(() -> Applier.builder(noCloud()).build().apply(read))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("this file is service other");
    assertThat(Files.readString(first)).isEqualTo(SERVICE);
    assertThat(Files.readString(second)).isEqualTo(other);
  }
}
