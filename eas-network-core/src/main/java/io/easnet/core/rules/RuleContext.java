package io.easnet.core.rules;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.SecurityGroupEvaluator;
import io.easnet.core.internal.json.SnapshotLayout;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Rule} sees: the input and the run's {@link EstateAnalysis}, computed once before any rule runs: every
 * service resolved against the inventory (sorted by name, so that rules see the same order whatever the order of the
 * input) with the path result of each of its intents, the IP capacity of every vSwitch the services use, and
 * look-ups by security group and vSwitch. A rule reads these results; it never resolves a service or analyses a path.
 */
public final class RuleContext {
  private final EstateAnalysis analysis;
  private final Map<ResourceId, String> pointers;

  private RuleContext(EstateAnalysis analysis) {
    this.analysis = analysis;
    this.pointers = SnapshotLayout.pointers(analysis.inventory());
  }

  /** The context of a run over an analysis already computed (the one the planner or the facade also reads). */
  public static RuleContext of(EstateAnalysis analysis) {
    return new RuleContext(Objects.requireNonNull(analysis, "analysis"));
  }

  /** The analysis of the run. */
  public EstateAnalysis analysis() {
    return analysis;
  }

  /** The input. */
  public AnalysisInput input() {
    return analysis.input();
  }

  /** The inventory. */
  public Inventory inventory() {
    return analysis.inventory();
  }

  /** The security groups of the inventory, compiled once for the run. */
  public SecurityGroupEvaluator securityGroups() {
    return analysis.securityGroups();
  }

  /** The snapshot name used in inventory locations. */
  public String inventorySource() {
    return analysis.input().inventorySource();
  }

  /**
   * The RFC 6901 pointer of a resource of the inventory in the snapshot layout that {@code SnapshotJson} reads and
   * writes, e.g. {@code /securityGroups/2} or {@code /rdsInstances/0}: the key of the resource's kind and its
   * position in the inventory's list, which is its position in the snapshot file the inventory was read from.
   * Empty when the inventory does not hold the resource.
   */
  public Optional<String> inventoryPointer(ResourceId id) {
    return Optional.ofNullable(pointers.get(id));
  }

  /** Every service, resolved, sorted by name. */
  public List<ResolvedService> services() {
    return analysis.services();
  }

  /** The services whose effective network uses the security group {@code groupId}, sorted by name. */
  public List<ResolvedService> servicesUsingGroup(SecurityGroupId groupId) {
    return analysis.servicesUsingGroup(groupId);
  }

  /** The services whose instances take addresses from the vSwitch {@code id}, sorted by name. */
  public List<ResolvedService> servicesInVSwitch(VSwitchId id) {
    return analysis.servicesInVSwitch(id);
  }

  /** The services whose effective network is in the VPC {@code id}, sorted by name. */
  public List<ResolvedService> servicesInVpc(VpcId id) {
    return analysis.servicesInVpc(id);
  }

  /** The IP capacity of every vSwitch the services use, computed once for the run. */
  public CapacityReport capacity() {
    return analysis.capacity();
  }

  /** Today's date on the input's clock. */
  public LocalDate today() {
    return analysis.input().today();
  }
}
