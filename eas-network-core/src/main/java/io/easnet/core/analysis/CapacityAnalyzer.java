package io.easnet.core.analysis;

import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.analysis.internal.CidrAllocator;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses private-IP capacity: for every vSwitch the given services use, the peak demand against the free addresses,
 * and a free block for a new vSwitch when short.
 *
 * <p>Demand of a service = max(instances, autoscaler max) + rolling-update surge. When {@code max_surge} is not set,
 * {@link #DEFAULT_MAX_SURGE_PERCENT} of the peak instances (rounded up, at least one) is assumed and reported as an
 * assumption. Demand lands on the vSwitch the instances take addresses from ({@link EffectiveNetwork#vSwitchId()}:
 * the service's vSwitch, or the primary vSwitch of a resource group's VPC direct connection, never its client
 * vSwitches). Arithmetic is exact ({@code long}, overflow throws). Utilisation above 100 % is a
 * shortfall ({@link ExplanationCode#VSWITCH_IP_EXHAUSTED_AT_SCALE}).
 */
public final class CapacityAnalyzer {
  /** The surge assumed when a service sets no {@code max_surge}: 25 % of its peak instances, at least one. */
  public static final int DEFAULT_MAX_SURGE_PERCENT = 25;

  private final Inventory inventory;

  private CapacityAnalyzer(Inventory inventory) {
    this.inventory = inventory;
  }

  /** An analyzer over {@code inventory}. */
  public static CapacityAnalyzer of(Inventory inventory) {
    return new CapacityAnalyzer(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * The peak private IPs one service needs in total: max(instances, autoscaler max) + surge (its
   * {@code max_surge}, or {@link #DEFAULT_MAX_SURGE_PERCENT} of the peak rounded up, at least one).
   */
  public static long demandOf(ServiceSpec spec) {
    long peak = spec.peakInstances();
    return Math.addExact(peak, surgeOf(spec, spec.peakInstances()));
  }

  private static long surgeOf(ServiceSpec spec, int peak) {
    Optional<? extends Number> surge = spec.rollingStrategy().flatMap(r -> r.surgeFor(peak));
    // ceil(peak * 25 / 100) in exact integer arithmetic
    return surge.map(Number::longValue)
        .orElseGet(() -> Math.max(1L, ((long) peak * DEFAULT_MAX_SURGE_PERCENT + 99) / 100));
  }

  /**
   * Analyses the capacity of every vSwitch the services use. Demand is counted on top of the addresses in use now (as
   * for a new deployment); for a service that already runs, its current instances are in both, which overstates
   * the need (reported as an assumption).
   */
  public CapacityReport analyze(List<ServiceDemand> services) {
    Objects.requireNonNull(services, "services");
    Map<VSwitchId, Map<String, Long>> demand = new LinkedHashMap<>();
    Set<Assumption> assumptions = new LinkedHashSet<>();
    Set<Explanation> explanations = new LinkedHashSet<>();
    for (ServiceDemand d : services) {
      ServiceSpec spec = d.spec();
      EffectiveNetwork net = d.network();
      if (net.provenance() == io.easnet.core.resolve.EffectiveNetwork.Provenance.UNKNOWN) {
        assumptions.add(Assumption.of(AssumptionKey.RESOURCE_GROUP_UNKNOWN, "the network of service " + spec.name()
            + " is unknown (its resource group is not in the inventory), so its demand is not counted"));
        continue;
      }
      if (!net.hasVpc() || net.vSwitchId().isEmpty()) {
        assumptions.add(Assumption.of(AssumptionKey.NO_VPC, "service " + spec.name()
            + " has no VPC configuration, so it takes no vSwitch addresses"));
        continue;
      }
      int peak = spec.peakInstances();
      long surge = surgeOf(spec, peak);
      if (spec.rollingStrategy().flatMap(r -> r.maxSurge()).isEmpty()) {
        assumptions.add(Assumption.of(AssumptionKey.DEFAULT_SURGE, "service " + spec.name()
            + " sets no rolling_strategy.max_surge; assumed " + DEFAULT_MAX_SURGE_PERCENT + " % of " + peak
            + " peak instances, at least one: " + surge + " extra during a rolling update"));
      }
      long total = Math.addExact(peak, surge);
      demand.computeIfAbsent(net.vSwitchId().get(), k -> new LinkedHashMap<>())
          .merge(spec.name(), total, Math::addExact);
    }
    if (!demand.isEmpty()) {
      assumptions.add(Assumption.of(AssumptionKey.DEMAND_ON_TOP_OF_IN_USE, "demand is counted on top of the addresses in use"
          + " now; instances of a service that already runs are counted twice"));
    }
    Map<VpcId, CidrAllocator> allocators = new HashMap<>();
    List<VSwitchCapacity> out = new ArrayList<>();
    for (Map.Entry<VSwitchId, Map<String, Long>> e : demand.entrySet()) {
      Optional<VSwitch> found = inventory.vSwitch(e.getKey());
      if (found.isEmpty()) {
        explanations.add(Explanation.builder().code(ExplanationCode.VSWITCH_NOT_FOUND)
            .component(Component.of(Component.Kind.VSWITCH, e.getKey()))
            .missing(new Missing.ResourceAbsent(Component.Kind.VSWITCH))
            .expected("vSwitch " + e.getKey() + " exists").actual("the inventory has no vSwitch " + e.getKey())
            .advice("use an existing vSwitch, or add it to the snapshot").build());
        continue;
      }
      VSwitch v = found.get();
      long total = e.getValue().values().stream().reduce(0L, Math::addExact);
      long usable = v.usableIpCount();
      long free = Math.min(v.availableIpAddressCount(), usable);
      long inUse = usable - free;
      double util = usable == 0 ? 100.0 * (inUse + total)
          : Math.round((inUse + total) * 1000.0 / usable) / 10.0;
      long shortfall = Math.max(0, total - free);
      VSwitchCapacity.Builder b = VSwitchCapacity.builder().vSwitchId(v.id()).vpcId(v.vpcId())
          .cidr(v.cidrBlock()).usable(usable).inUse(inUse).free(free).demandByService(e.getValue())
          .totalDemand(total).peakUtilisationPercent(util).shortfall(shortfall);
      // one proposal per vSwitch, computed here once: a short or too-small vSwitch gets a free block for a new
      // vSwitch; EASNET-010, EASNET-025, the text report and doctor's advice all repeat it
      boolean tooSmall = v.cidrBlock().prefixLength() >= VSwitchCapacity.TOO_SMALL_PREFIX;
      Optional<Cidr> proposal = shortfall > 0 || tooSmall ? propose(allocators, v, total, assumptions)
          : Optional.empty();
      proposal.ifPresent(b::proposedCidr);
      if (shortfall > 0) {
        explanations.add(Explanation.builder().code(ExplanationCode.VSWITCH_IP_EXHAUSTED_AT_SCALE)
            .component(Component.of(Component.Kind.VSWITCH, v.id()))
            .missing(new Missing.AddressesShort(shortfall))
            .decidingRule(DecidingRule.text("vSwitch " + v.id() + " " + v.cidrBlock() + ": " + free
                + " free of " + usable + " usable"))
            .expected("at least " + total + " free addresses in " + v.id() + " at peak (" + describe(e.getValue())
                + ")")
            .actual(free + " of " + usable + " usable addresses are free; " + shortfall + " short")
            .advice(proposal.map(c -> "create a vSwitch with CIDR " + c + " in " + v.vpcId()
                    + " and move the service to it (its instances take addresses from that vSwitch; a DLink's"
                    + " auxiliary vSwitches hold no instances); or free addresses in " + v.id()
                    + ", or lower autoscaler max and max_surge")
                .orElse("free addresses in " + v.id() + ", add a secondary CIDR block to " + v.vpcId()
                    + " for a larger vSwitch, or lower autoscaler max and max_surge"))
            .build());
      }
      out.add(b.build());
    }
    return CapacityReport.builder().vSwitches(out).explanations(explanations).assumptions(assumptions).build();
  }

  private Optional<Cidr> propose(Map<VpcId, CidrAllocator> allocators, VSwitch v, long total,
      Set<Assumption> assumptions) {
    Optional<Integer> prefix = CidrAllocator.prefixFor(total);
    if (prefix.isEmpty()) {
      assumptions.add(Assumption.of(AssumptionKey.DEMAND_TOO_LARGE, "a demand of " + total
          + " addresses exceeds the largest vSwitch (/16, 65,532 usable); no block is proposed"));
      return Optional.empty();
    }
    Optional<Vpc> vpc = inventory.vpc(v.vpcId());
    if (vpc.isEmpty()) {
      assumptions.add(Assumption.of(AssumptionKey.VPC_UNKNOWN, "VPC " + v.vpcId()
          + " is not in the inventory, so no free block can be proposed"));
      return Optional.empty();
    }
    CidrAllocator allocator = allocators.computeIfAbsent(v.vpcId(), id -> new CidrAllocator(
        vpc.get().ipv4CidrBlocks(), inventory.vSwitchesIn(id).stream().map(VSwitch::cidrBlock).toList()));
    // the recommended /24 when the demand fits one and the VPC has one free; else the smallest block that fits
    int needed = prefix.get();
    int recommended = Math.min(needed, VSwitchCapacity.RECOMMENDED_PREFIX);
    Optional<Cidr> block = allocator.allocate(recommended);
    return block.isPresent() || recommended == needed ? block : allocator.allocate(needed);
  }

  private static String describe(Map<String, Long> byService) {
    StringBuilder sb = new StringBuilder();
    byService.forEach((k, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(n));
    return sb.toString();
  }
}
