package io.easnet.core.json;

import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.JsonTrees;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Terraform plan ({@code terraform show -json PLANFILE}, format version 1.x) read for the alicloud resources the
 * engine models, to be overlaid on a snapshot of the current estate, or alone for a new estate:
 *
 * <pre>{@code
 * TerraformPlan plan = TerraformPlan.read(Path.of("plan.json"));
 * Snapshot after = plan.overlay(SnapshotJson.read(Path.of("current.json")));   // or plan.alone()
 * Report report = NetworkCheck.builder().snapshot(after, "current.json+plan.json").build().run();
 * }</pre>
 *
 * <p>Resources the plan deletes leave the snapshot, resources it updates or replaces are rewritten, and resources it
 * creates are added. An id that is known only after apply is replaced by a stable stand-in derived from the
 * resource address and the configuration's references ({@code vsw-known-after-apply-alicloud-vswitch-eas} for
 * {@code alicloud_vswitch.eas}), so the analysis still knows which vSwitch a service uses; other facts known only
 * after apply (an EIP's address, a new VPC's system route table) are left out, and the analysis reports what
 * depends on them as undetermined. {@link #unknownFacts()} lists them. The mapping of each attribute, with its
 * public source, is in {@code docs/terraform.md}. Immutable and thread safe.
 */
public final class TerraformPlan {
  private final TerraformPlanReader reader;

  private TerraformPlan(TerraformPlanReader reader) {
    this.reader = reader;
  }

  /**
   * Reads a plan file written by {@code terraform show -json PLANFILE}.
   *
   * @throws InvalidInputException naming the file and the JSON pointer when it is missing, too large, not JSON, of
   *     an unsupported major format version, or holds an alicloud value the engine cannot read
   */
  public static TerraformPlan read(Path file) {
    Objects.requireNonNull(file, "file");
    return parse(JsonTrees.readFile(file), file.getFileName().toString());
  }

  /**
   * Parses plan JSON; {@code sourceName} names it in messages.
   *
   * @throws InvalidInputException as {@link #read(Path)}
   */
  public static TerraformPlan parse(String json, String sourceName) {
    Objects.requireNonNull(sourceName, "sourceName");
    return new TerraformPlan(new TerraformPlanReader(JsonTrees.parse(json, sourceName), sourceName));
  }

  /**
   * The estate after the plan applies: {@code current} with the plan's deletions, updates and creations.
   *
   * @throws InvalidInputException naming the plan file and pointer when the result is not a valid estate
   */
  public Snapshot overlay(Snapshot current) {
    Objects.requireNonNull(current, "current");
    return reader.overlay(current);
  }

  /** The estate the plan creates on its own (a new estate): {@code overlay} of an empty snapshot. */
  public Snapshot alone() {
    return overlay(Snapshot.builder().build());
  }

  /**
   * The facts this plan leaves unknown until apply, one sentence each, in plan order, such as
   * {@code "alicloud_eip_address.eas: ip_address is known after apply"}.
   */
  public List<String> unknownFacts() {
    return reader.unknownFacts();
  }
}
