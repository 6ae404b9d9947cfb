package io.easnet.core.check;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.internal.SourceNames;
import io.easnet.core.json.SourcePositions;
import io.easnet.core.model.Inventory;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Suppressions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks services against an estate in one call: resolves each service's network, analyses each of its intents once,
 * runs the rule catalogue over those results, applies suppressions on the clock's date, and returns one
 * {@link Report} with the findings, every path result and the IP capacity.
 *
 * <pre>{@code
 * Report report = NetworkCheck.builder()
 *     .snapshot(Path.of("snapshot.json"))
 *     .addService(ServiceInput.fromFile(Path.of("service.json")).wantsInternetEgress(true).addPrivateTarget("rm-1"))
 *     .suppressions(Path.of("suppressions.json"))
 *     .build()
 *     .run();
 * String text = ReportFormat.TEXT.render(report);
 * boolean gate = report.isBlocking();
 * }</pre>
 *
 * <p>Services that the snapshot itself holds are checked too, without intents; a service given as a file that the
 * snapshot also holds (its deployed copy) is checked once, as the file says. Immutable and thread safe; each
 * {@link #run()} reads the clock once.
 */
public final class NetworkCheck {
  private final Inventory inventory;
  private final String inventorySource;
  private final List<ServiceInput> services;
  private final List<String> inputs;
  private final Suppressions suppressions;
  private final Clock clock;
  private final RuleCatalog catalog;
  private final Map<String, SourcePositions> positions;

  private NetworkCheck(Builder b, List<ServiceInput> services, List<String> inputs) {
    this.inventory = b.inventory;
    this.inventorySource = b.inventorySource;
    this.services = List.copyOf(services);
    this.inputs = List.copyOf(inputs);
    this.suppressions = b.suppressions;
    this.clock = b.clock;
    this.catalog = b.catalog;
    this.positions = Map.copyOf(b.positions);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs the check. */
  public Report run() {
    return analysed().report();
  }

  /** The source name of the estate in finding locations. */
  String inventorySource() {
    return inventorySource;
  }

  /** The analysis the check reads and the report it gives: what {@link EstateDiff} compares. */
  record Analysed(EstateAnalysis analysis, Report report) {}

  /** Runs the check, keeping the analysis. */
  Analysed analysed() {
    AnalysisInput input = AnalysisInput.builder().inventory(inventory).inventorySource(inventorySource)
        .services(services).clock(clock).build();
    EstateAnalysis analysis = EstateAnalysis.of(input);
    RuleContext context = RuleContext.of(analysis);
    suppressions.requireKnownRules(catalog.rules().stream().map(Rule::id).toList());
    List<Finding> raw = catalog.run(context);
    List<Finding> findings = suppressions.apply(raw, context.today());
    return new Analysed(analysis, Report.builder().addAllInputs(inputs).addAllFindings(findings)
        .addAllPathResults(analysis.pathResults()).capacity(analysis.capacity()).catalog(catalog)
        .addAllSuppressed(suppressions.suppressed(raw, context.today())).putAllPositions(positions).build());
  }

  /** Builds a {@link NetworkCheck}: an inventory (a snapshot) is required, services and the rest are optional. */
  public static final class Builder {
    private Inventory inventory;
    private String inventorySource = AnalysisInput.DEFAULT_INVENTORY_SOURCE;
    private final List<ServiceInput> services = new ArrayList<>();
    private final List<ServiceInput> snapshotServices = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private Suppressions suppressions = Suppressions.none();
    private Clock clock = Clock.systemUTC();
    private RuleCatalog catalog = RuleCatalog.standard();
    private String snapshotInput;
    private final Map<String, SourcePositions> positions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Reads the snapshot file: its inventory, and the services it holds (checked without intents).
     *
     * @throws io.easnet.core.InvalidInputException naming the file and the JSON pointer when it is not valid
     */
    public Builder snapshot(Path file) {
      Objects.requireNonNull(file, "file");
      return snapshot(SnapshotJson.read(file), SourceNames.of(file));
    }

    /**
     * Uses a snapshot read or loaded elsewhere (live, {@code InventoryLoader.loadSnapshot}) exactly as
     * {@link #snapshot(Path)} uses a file's: its inventory, and the services it holds (checked without intents);
     * {@code sourceName} names it in finding locations.
     */
    public Builder snapshot(Snapshot snapshot, String sourceName) {
      Objects.requireNonNull(snapshot, "snapshot");
      inventory = snapshot.inventory();
      inventorySource = Objects.requireNonNull(sourceName, "sourceName");
      snapshotInput = inventorySource;
      positions.put(inventorySource, snapshot.positions());
      snapshotServices.clear();
      for (int i = 0; i < snapshot.services().size(); i++) {
        snapshotServices.add(ServiceInput.builder().spec(snapshot.services().get(i).spec())
            .sourceName(inventorySource).pointerBase("/services/" + i).build());
      }
      return this;
    }

    /** Uses an inventory built in code (or loaded live); {@code sourceName} names it in finding locations. */
    public Builder inventory(Inventory inventory, String sourceName) {
      this.inventory = Objects.requireNonNull(inventory, "inventory");
      this.inventorySource = Objects.requireNonNull(sourceName, "sourceName");
      this.snapshotInput = sourceName;
      this.snapshotServices.clear();
      return this;
    }

    /** Adds a service with its intents. */
    public Builder addService(ServiceInput service) {
      services.add(Objects.requireNonNull(service, "service"));
      service.sourceName().filter(n -> !inputs.contains(n)).ifPresent(inputs::add);
      service.sourceName().ifPresent(n -> service.document().ifPresent(d -> positions.put(n, d.positions())));
      return this;
    }

    /** Adds a service built in place, e.g. {@code ServiceInput.fromFile(path).addPrivateTarget("rm-1")}. */
    public Builder addService(ServiceInput.Builder service) {
      return addService(Objects.requireNonNull(service, "service").build());
    }

    /** Reads a service JSON file and adds the service without intents. */
    public Builder addServiceFile(Path file) {
      return addService(ServiceInput.fromFile(Objects.requireNonNull(file, "file")));
    }

    /** Reads a suppressions file; none by default. */
    public Builder suppressions(Path file) {
      return suppressions(Suppressions.parse(Objects.requireNonNull(file, "file")));
    }

    /** Uses suppressions built in code. */
    public Builder suppressions(Suppressions suppressions) {
      this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
      suppressions.source().filter(n -> !inputs.contains(n)).ifPresent(inputs::add);
      return this;
    }

    /** The clock whose date expires suppressions; the system clock in UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The rules to run; {@link RuleCatalog#standard()} by default. */
    public Builder catalog(RuleCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * The check.
     *
     * @throws IllegalStateException when no snapshot or inventory was given
     */
    public NetworkCheck build() {
      if (inventory == null) {
        throw new IllegalStateException("a network check needs an estate: call snapshot(Path) or"
            + " inventory(Inventory, String) before build()");
      }
      List<ServiceInput> all = new ArrayList<>();
      Map<String, ServiceInput> deployed = new LinkedHashMap<>();
      for (ServiceInput s : snapshotServices) {
        boolean given = services.stream().anyMatch(f -> f.name().equals(s.name()));
        if (given) {
          deployed.putIfAbsent(s.name(), s);
        } else {
          all.add(s);
        }
      }
      // a service file and its deployed copy are the same service: the file wins, the copy is analysed once
      for (ServiceInput s : services) {
        ServiceInput copy = deployed.remove(s.name());
        all.add(copy == null ? s : ServiceInput.builder().from(s).replacesDeployedCopy(
            copy.sourceName().orElse(AnalysisInput.DEFAULT_INVENTORY_SOURCE) + ":" + copy.pointerBase()).build());
      }
      List<String> in = new ArrayList<>(inputs);
      if (snapshotInput != null && !in.contains(snapshotInput)) {
        in.add(snapshotInput);
      }
      return new NetworkCheck(this, all, in);
    }
  }
}
