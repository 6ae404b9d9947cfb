package io.easnet.core.plan;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.change.Change;
import io.easnet.core.change.Change.Refs;
import io.easnet.core.change.RemoveAllowlistEntries;
import io.easnet.core.change.SetServiceNetworking;
import io.easnet.core.analysis.internal.SingleEasAddresses;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.Inventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the minimal ordered change set that makes every intent of the services reachable. The changes are the
 * remedies the path engine attaches to each blocker (never derived here), their stand-ins bound to references of what
 * the plan creates ({@link Change#bind}), deduplicated (one SNAT entry
 * per vSwitch, one NAT gateway per VPC, one rule per group and flow, allowlist entries merged per instance and group)
 * and ordered by dependency. Blockers that only show once others are fixed are found by analysing again with the
 * changes applied in memory, until nothing new is needed. Then the proof: the numbered plan is applied to the estate
 * in memory and analysed once more; only when every intent is reachable is the plan returned as working.
 *
 * <pre>{@code
 * PlanResult result = Planner.fromSnapshot(Path.of("snapshot.json"))
 *     .plan(IntentsFile.read(Path.of("intents.json")), PlanOptions.defaults().allowBilled(true));
 * result.plan().ifPresent(p -> p.write(Path.of("plan.json")));
 * result.unfixable().forEach(u -> System.out.println(u));
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class Planner {
  /** How many rounds of analyse-and-fix before the planner gives up on new blockers. */
  static final int MAX_ROUNDS = 8;

  /** What a service's own network blockers serve, in {@link PlannedChange#serves()}: {@code svc: its network}. */
  static final String NETWORK = "its network";

  private final Inventory inventory;

  private Planner(Inventory inventory) {
    this.inventory = inventory;
  }

  /** A planner over an inventory (built in code, read from a snapshot, or loaded live). */
  public static Planner of(Inventory inventory) {
    return new Planner(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * A planner over the inventory of a snapshot file.
   *
   * @throws io.easnet.core.InvalidInputException naming the file and the JSON pointer when it is not valid
   */
  public static Planner fromSnapshot(Path snapshot) {
    return of(SnapshotJson.read(Objects.requireNonNull(snapshot, "snapshot")).inventory());
  }

  /** Plans for the services of an intents file; networking changes name the service files. */
  public PlanResult plan(IntentsFile intents, PlanOptions options) {
    Objects.requireNonNull(intents, "intents");
    Map<String, SetServiceNetworking.ServiceFile> files = new LinkedHashMap<>();
    intents.serviceFiles().forEach((name, file) -> files.put(name, new SetServiceNetworking.ServiceFile(file.toString(),
        intents.serviceFileDigest(name).orElse(null))));
    return plan(intents.services(), files, options);
  }

  /** Plans for services built in code; a networking change then names no file. */
  public PlanResult plan(List<ServiceInput> services, PlanOptions options) {
    return plan(services, Map.of(), options);
  }

  private PlanResult plan(List<ServiceInput> services, Map<String, SetServiceNetworking.ServiceFile> files,
      PlanOptions options) {
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(options, "options");
    Session session = new Session(PlanState.of(inventory, services), files, options);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (!session.round()) {
        break;
      }
    }
    Set<String> keep = new LinkedHashSet<>(session.actions.keySet());
    PlanResult full = prove(new Plan(options.allowsBilled(), session.numbered(keep)), services, session.skipped);
    if (!full.works()) {
      return full;
    }
    PlanResult best = minimal(session, keep, services, options, full);
    return options.allowsRemovals() ? withRemovals(session, services, options, best) : best;
  }

  /**
   * The plan with the removal of every allowlist entry that is a single EAS instance address (the detection of
   * EASNET-015, {@link SingleEasAddresses}) and that a block of the same instance's allowlists covering the EAS vSwitch
   * replaces once the plan is applied; each removal comes after the append of that block when the plan makes it. An
   * entry whose removal would empty its group (the cloud refuses that) stays. The plan without removals when the
   * proof fails with them.
   */
  private PlanResult withRemovals(Session session, List<ServiceInput> services, PlanOptions options,
      PlanResult best) {
    PlanState after = apply(PlanState.of(inventory, services), best.plan);
    EstateAnalysis analysis = analyse(after);
    Map<String, List<SingleEasAddresses.Found>> byGroup = new LinkedHashMap<>();
    for (SingleEasAddresses.Found f : SingleEasAddresses.find(after.inventory(), analysis.services())) {
      if (f.covering().isPresent()) {
        byGroup.computeIfAbsent(f.target().targetId() + "\n" + f.group().name(), k -> new ArrayList<>()).add(f);
      }
    }
    Set<String> keep = new LinkedHashSet<>(session.kept);
    for (List<SingleEasAddresses.Found> found : byGroup.values()) {
      io.easnet.core.model.AllowlistGroup group = found.get(0).group();
      Set<io.easnet.core.model.Cidr> removed = new LinkedHashSet<>();
      found.forEach(f -> removed.add(f.address()));
      if (group.entries().stream().allMatch(removed::contains)) {
        continue;
      }
      for (SingleEasAddresses.Found f : found) {
        String product = f.target() instanceof io.easnet.core.model.RdsInstance ? "rds" : "redis";
        Change r = new RemoveAllowlistEntries(product, f.target().targetId(), group.name(), List.of(f.address()),
            f.covering().get().group().name(), f.covering().get().block());
        for (ResolvedService rs : analysis.services()) {
          if (rs.network().flatMap(n -> n.vSwitchId()).filter(f.vSwitch().id()::equals).isPresent()) {
            session.add(r, rs.name() + ": allowlist of " + f.target().targetId());
          }
        }
        keep.add(r.key());
      }
    }
    if (keep.equals(session.kept)) {
      return best;
    }
    PlanResult with = prove(new Plan(options.allowsBilled(), session.numbered(keep)), services, session.skipped);
    return with.works() ? with : best;
  }

  /**
   * Drops every change the proof does not need, last kinds first: a blocker found against a network that a
   * networking change then replaces, for example, leaves a change no intent needs. A change another kept change
   * refers to stays.
   */
  private PlanResult minimal(Session session, Set<String> keep, List<ServiceInput> services, PlanOptions options,
      PlanResult full) {
    PlanResult best = full;
    List<String> order = session.ordered(keep);
    java.util.Collections.reverse(order);
    for (String key : order) {
      if (session.referenced(key, keep)) {
        continue;
      }
      Set<String> without = new LinkedHashSet<>(keep);
      without.remove(key);
      PlanResult r = prove(new Plan(options.allowsBilled(), session.numbered(without)), services, session.skipped);
      if (r.works()) {
        keep = without;
        best = r;
      }
    }
    session.kept = keep;
    return best;
  }

  /** Applies {@code plan} as written to the estate in memory, analyses again, and lists what is still not reachable. */
  private PlanResult prove(Plan plan, List<ServiceInput> services, Map<String, Set<String>> skipped) {
    PlanState s = apply(PlanState.of(inventory, services), plan);
    List<PlanResult.Unfixable> unfixable = new ArrayList<>();
    for (ResolvedService rs : analyse(s).services()) {
      if (rs.resolutionProblem().isPresent()) {
        unfixable.add(new PlanResult.Unfixable(rs.name(), null, NETWORK, Verdict.UNDETERMINED,
            List.of("the service's network cannot be resolved: " + rs.resolutionProblem().get())));
        continue;
      }
      if (!rs.networkBlockers().isEmpty()) {
        String who = rs.name() + ": " + NETWORK;
        Set<String> reasons = new LinkedHashSet<>(skipped.getOrDefault(who, Set.of()));
        rs.networkBlockers().forEach(e -> reasons.add(e.actual() + e.advice().map(a -> ": " + a).orElse("")));
        unfixable.add(new PlanResult.Unfixable(rs.name(), null, NETWORK, Verdict.UNREACHABLE, List.copyOf(reasons)));
      }
      for (PathResult p : rs.paths()) {
        if (p.verdict() == Verdict.REACHABLE) {
          continue;
        }
        String who = who(rs.name(), p.intent());
        Set<String> reasons = new LinkedHashSet<>(skipped.getOrDefault(who, Set.of()));
        for (Explanation e : p.explanations()) {
          if (e.remedy().isEmpty()) {
            reasons.add(e.actual() + e.advice().map(a -> ": " + a).orElse(""));
          } else if (!skipped.containsKey(who)) {
            reasons.add("still blocked after the planned changes: " + e.actual());
          }
        }
        p.assumptions().forEach(a -> reasons.add("assumed: " + a.sentence()));
        if (reasons.isEmpty()) {
          reasons.add("the path is " + p.verdict());
        }
        unfixable.add(new PlanResult.Unfixable(rs.name(), p.intent(), text(p.intent()), p.verdict(),
            List.copyOf(reasons)));
      }
    }
    return new PlanResult(plan, unfixable);
  }

  /** The estate after {@code plan}, in memory: each change through {@link Change#applyTo}, in order. */
  static PlanState apply(PlanState start, Plan plan) {
    PlanState s = start;
    for (PlannedChange c : plan.changes()) {
      s = c.action().applyTo(s.applying(c.id()));
    }
    return s;
  }

  static EstateAnalysis analyse(PlanState s) {
    return EstateAnalysis.of(AnalysisInput.builder().inventory(s.inventory()).services(s.services()).build());
  }

  static String text(Intent intent) {
    try {
      return IntentSyntax.format(intent);
    } catch (IllegalArgumentException e) {
      return intent.describe();
    }
  }

  static String who(String service, Intent intent) {
    return service + ": " + text(intent);
  }

  /** The order remedies are taken in within one path: the ones others depend on first. */
  private static int rank(Change r) {
    return r.kind().rank();
  }

  /** One planning run: the changes found so far (by key), the intents they serve, the state with them applied. */
  private static final class Session implements Change.Binding {
    private PlanState state;
    private final Map<String, SetServiceNetworking.ServiceFile> files;
    private final PlanOptions options;
    private final Map<String, Change> actions = new LinkedHashMap<>();
    private final Map<String, Set<String>> serves = new HashMap<>();
    final Map<String, Set<String>> skipped = new LinkedHashMap<>();
    /** The keys of the minimal working plan, once found. */
    Set<String> kept = Set.of();

    Session(PlanState state, Map<String, SetServiceNetworking.ServiceFile> files, PlanOptions options) {
      this.state = state;
      this.files = files;
      this.options = options;
    }

    /** One round: analyse, add the remedies of every blocker; false when nothing was added. */
    boolean round() {
      boolean added = false;
      for (ResolvedService rs : analyse(state).services()) {
        String own = rs.name() + ": " + NETWORK;
        for (Change r : rs.networkBlockers().stream().flatMap(e -> e.remedy().stream())
            .sorted(Comparator.comparingInt(Planner::rank)).toList()) {
          for (Change a : translate(r, own)) {
            added |= add(a, own);
          }
        }
        for (PathResult p : rs.paths()) {
          if (p.verdict() == Verdict.REACHABLE) {
            continue;
          }
          String who = who(rs.name(), p.intent());
          List<Change> remedies = p.explanations().stream().flatMap(e -> e.remedy().stream())
              .sorted(Comparator.comparingInt(Planner::rank)).toList();
          for (Change r : remedies) {
            for (Change a : translate(r, who)) {
              added |= add(a, who);
            }
          }
        }
      }
      return added;
    }

    private boolean add(Change a, String who) {
      Change old = actions.get(a.key());
      Change now = old == null ? a : old.absorb(a);
      if (now.equals(old)) {
        serves.get(a.key()).add(who);
        return false;
      }
      actions.put(a.key(), now);
      serves.computeIfAbsent(a.key(), k -> new LinkedHashSet<>()).add(who);
      state = now.applyTo(state.applying(a.key()));
      return true;
    }

    private void skip(String who, String reason) {
      skipped.computeIfAbsent(who, k -> new LinkedHashSet<>()).add(reason);
    }

    @Override
    public io.easnet.core.model.Inventory inventory() {
      return state.inventory();
    }

    @Override
    public String symbolOf(String literal) {
      return state.symbolOf(literal);
    }

    @Override
    public Optional<Change> planned(String key) {
      return Optional.ofNullable(actions.get(key));
    }

    @Override
    public Optional<SetServiceNetworking.ServiceFile> serviceFile(String service) {
      return Optional.ofNullable(files.get(service));
    }

    /** The changes that make {@code r}, or none when it is billed and billed changes are not allowed. */
    private List<Change> translate(Change r, String who) {
      if (r.billed() && !options.allowsBilled()) {
        skip(who, "needs a billed change (" + r.describe() + "): allow billed changes to plan it");
        return List.of();
      }
      return r.bind(this);
    }

    /**
     * {@code keys} in apply order (docs/plan-safety.md, "Billed changes come last"): a dependency order (a change after
     * every change it refers to or needs) that takes, whenever it can, a change that is not billed: by kind (the
     * dependency order of the kinds), then key; a billed allocation only when nothing else is ready. So every change
     * that depends on nothing billed comes before the first billed one, and a billed change is followed by what it
     * unlocks: a change that can be refused after validation (a quota the cloud enforces, a permission) fails before
     * money is spent wherever the dependencies allow it.
     */
    List<String> ordered(Set<String> keys) {
      Comparator<String> preference = Comparator.comparing((String k) -> actions.get(k).billed())
          .thenComparing(k -> actions.get(k).kind()).thenComparing(k -> k);
      Map<String, Set<String>> deps = new HashMap<>();
      for (String k : keys) {
        Set<String> d = new LinkedHashSet<>();
        Change a = actions.get(k);
        a.needs().stream().filter(keys::contains).forEach(d::add);
        a.values().forEach(v -> Refs.changeOf(v).filter(keys::contains).ifPresent(d::add));
        d.remove(k);
        deps.put(k, d);
      }
      List<String> out = new ArrayList<>(keys.size());
      Set<String> placed = new LinkedHashSet<>();
      java.util.TreeSet<String> pending = new java.util.TreeSet<>(preference);
      pending.addAll(keys);
      while (!pending.isEmpty()) {
        String next = pending.stream().filter(k -> placed.containsAll(deps.get(k))).findFirst()
            // a cycle cannot come from the kinds (each refers only to kinds before it); keep the preference order
            .orElse(pending.first());
        pending.remove(next);
        placed.add(next);
        out.add(next);
      }
      return out;
    }

    /** True when a change of {@code keep} other than {@code key} refers to it or needs its binding. */
    boolean referenced(String key, Set<String> keep) {
      for (String k : keep) {
        if (k.equals(key)) {
          continue;
        }
        Change a = actions.get(k);
        if (a.values().stream().anyMatch(v -> Refs.changeOf(v).map(key::equals).orElse(false))) {
          return true;
        }
        if (a.needs().contains(key)) {
          return true;
        }
      }
      return false;
    }

    /** The changes of {@code keep} in apply order, numbered, with references and dependencies by id. */
    List<PlannedChange> numbered(Set<String> keep) {
      List<String> keys = ordered(keep);
      Map<String, String> ids = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        ids.put(keys.get(i), "change-" + (i + 1));
      }
      List<PlannedChange> out = new ArrayList<>();
      for (String k : keys) {
        Change a = actions.get(k).mapValues(v -> Refs.rename(v, ids::get));
        Set<String> deps = new LinkedHashSet<>();
        for (String v : a.values()) {
          Refs.changeOf(v).ifPresent(deps::add);
        }
        for (String need : actions.get(k).needs()) {
          Optional.ofNullable(ids.get(need)).ifPresent(deps::add);
        }
        List<String> sorted = new ArrayList<>(deps);
        sorted.sort(Comparator.comparingInt(id -> Integer.parseInt(id.substring("change-".length()))));
        out.add(new PlannedChange(ids.get(k), a, sorted, List.copyOf(serves.get(k))));
      }
      return out;
    }
  }

  /**
   * What the {@link Planner} found: a working {@link Plan} (proved: applied to the estate in memory, every intent is
   * reachable), or the intents it cannot fix and why.
   */
  public static final class PlanResult {
    private final Plan plan;
    private final List<Unfixable> unfixable;

    PlanResult(Plan plan, List<Unfixable> unfixable) {
      this.plan = plan;
      this.unfixable = List.copyOf(unfixable);
    }

    /** True when the plan makes every intent reachable; {@link #plan()} is then present. */
    public boolean works() {
      return unfixable.isEmpty();
    }

    /** The plan, present only when it works (possibly empty: nothing to change). */
    public Optional<Plan> plan() {
      return works() ? Optional.of(plan) : Optional.empty();
    }

    /** The intents no plan fixes, each with its reasons; empty when the plan works. */
    public List<Unfixable> unfixable() {
      return unfixable;
    }

    /** An intent that the planned changes do not make reachable. */
    public static final class Unfixable {
      private final String service;
      private final Intent intent;
      private final String intentText;
      private final Verdict verdict;
      private final List<String> reasons;

      Unfixable(String service, Intent intent, String intentText, Verdict verdict, List<String> reasons) {
        this.service = Objects.requireNonNull(service, "service");
        this.intent = intent;
        this.intentText = Objects.requireNonNull(intentText, "intentText");
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.reasons = List.copyOf(reasons);
      }

      /** The service. */
      public String service() {
        return service;
      }

      /** The intent; empty when the service itself could not be resolved. */
      public Optional<Intent> intent() {
        return Optional.ofNullable(intent);
      }

      /** The intent in its text form, or a description. */
      public String intentText() {
        return intentText;
      }

      /** The verdict with every change the planner could make applied. */
      public Verdict verdict() {
        return verdict;
      }

      /**
       * Why, one sentence each: e.g. {@code needs a NAT gateway in vpc-1 (billed): allow billed changes}, or an
       * unknown fact.
       */
      public List<String> reasons() {
        return reasons;
      }

      @Override
      public String toString() {
        return service + ": " + intentText + " stays " + verdict + ": " + String.join("; ", reasons);
      }
    }
  }

  /**
   * How the {@link Planner} plans. By default it plans no billed change: an intent that needs a new NAT gateway or a
   * new EIP is reported as not fixable, with the reason "allow billed changes".
   *
   * <pre>{@code
   * PlanOptions.defaults().allowBilled(true);
   * }</pre>
   */
  public static final class PlanOptions {
    private static final PlanOptions DEFAULTS = new PlanOptions(false, false);

    private final boolean allowBilled;
    private final boolean allowRemovals;

    private PlanOptions(boolean allowBilled, boolean allowRemovals) {
      this.allowBilled = allowBilled;
      this.allowRemovals = allowRemovals;
    }

    /** No billed changes, no removals. */
    public static PlanOptions defaults() {
      return DEFAULTS;
    }

    /** These options, with billed changes (NAT gateways, EIPs) allowed or not. */
    public PlanOptions allowBilled(boolean allow) {
      return new PlanOptions(allow, allowRemovals);
    }

    /**
     * These options, with removals allowed or not: the removal of allowlist entries that are a single EAS instance's
     * address (EASNET-015) once a block covering the EAS vSwitch replaces them ({@code plan --allow-removals}). Without
     * it the planner only adds access, never removes any.
     */
    public PlanOptions allowRemovals(boolean allow) {
      return new PlanOptions(allowBilled, allow);
    }

    /** True when billed changes may be planned. */
    public boolean allowsBilled() {
      return allowBilled;
    }

    /** True when the removal of replaced single EAS instance addresses may be planned. */
    public boolean allowsRemovals() {
      return allowRemovals;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PlanOptions p && p.allowBilled == allowBilled && p.allowRemovals == allowRemovals;
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(allowBilled) * 31 + Boolean.hashCode(allowRemovals);
    }

    @Override
    public String toString() {
      return "PlanOptions{allowBilled=" + allowBilled + ", allowRemovals=" + allowRemovals + "}";
    }
  }
}
