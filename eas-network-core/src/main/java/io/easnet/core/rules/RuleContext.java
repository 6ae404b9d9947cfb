package io.easnet.core.rules;

import io.easnet.core.EasNetworkException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.SnapshotLayout;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Rule} sees: the input, and every service resolved once against the inventory (sorted by name, so
 * that rules see the same order whatever the order of the input).
 */
public final class RuleContext {
  private final AnalysisInput input;
  private final List<ResolvedService> services;
  private final Map<ResourceId, String> pointers;

  private RuleContext(AnalysisInput input, List<ResolvedService> services) {
    this.input = input;
    this.services = services;
    this.pointers = SnapshotLayout.pointers(input.inventory());
  }

  /** Resolves every service of {@code input} against its inventory. */
  public static RuleContext of(AnalysisInput input) {
    NetworkResolver resolver = NetworkResolver.create();
    List<ResolvedService> out = new ArrayList<>();
    for (ServiceInput s : input.services()) {
      EffectiveNetwork network = null;
      String problem = null;
      try {
        network = resolver.resolve(s.spec(), input.inventory());
      } catch (InvalidInputException e) {
        problem = (e.source().isEmpty() && s.sourceName().isPresent() ? e.inSource(s.sourceName().get()) : e)
            .getMessage();
      } catch (EasNetworkException | IllegalArgumentException e) {
        problem = e.getMessage();
      }
      out.add(new ResolvedService(s, network, problem));
    }
    out.sort(Comparator.comparing(ResolvedService::name)
        .thenComparing(r -> r.source().orElse("")));
    return new RuleContext(input, List.copyOf(out));
  }

  /** The input. */
  public AnalysisInput input() {
    return input;
  }

  /** The inventory. */
  public Inventory inventory() {
    return input.inventory();
  }

  /** The snapshot name used in inventory locations. */
  public String inventorySource() {
    return input.inventorySource();
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
    return services;
  }

  /** The services whose effective network uses the security group {@code groupId}. */
  public List<ResolvedService> servicesUsingGroup(String groupId) {
    return services.stream()
        .filter(s -> s.network().flatMap(EffectiveNetwork::securityGroupId)
            .map(g -> g.value().equals(groupId)).orElse(false))
        .toList();
  }

  /** Today's date, when injected. */
  public Optional<LocalDate> today() {
    return input.today();
  }
}
