package io.easnet.core.plan;

import io.easnet.core.analysis.Component;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.IntentSyntax;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.Remedy;
import io.easnet.core.analysis.Verdict;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.rules.AnalysisInput;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.ServiceInput;
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
 * {@link Remedy remedies} the path engine attaches to each blocker (never derived here), deduplicated (one SNAT entry
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

  /** What a service's own network blockers serve, in {@link Change#serves()}: {@code svc: its network}. */
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
    Map<String, Action.ServiceFile> files = new LinkedHashMap<>();
    intents.serviceFiles().forEach((name, file) -> files.put(name, new Action.ServiceFile(file.toString(),
        intents.serviceFileDigest(name).orElse(null))));
    return plan(intents.services(), files, options);
  }

  /** Plans for services built in code; a networking change then names no file. */
  public PlanResult plan(List<ServiceInput> services, PlanOptions options) {
    return plan(services, Map.of(), options);
  }

  private PlanResult plan(List<ServiceInput> services, Map<String, Action.ServiceFile> files, PlanOptions options) {
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
    return minimal(session, keep, services, options, full);
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

  /** The estate after {@code plan}, in memory: each change through {@link Action#applyTo}, in order. */
  static PlanState apply(PlanState start, Plan plan) {
    PlanState s = start;
    for (Change c : plan.changes()) {
      s = c.action().applyTo(s.applying(c.id()));
    }
    return s;
  }

  static RuleContext analyse(PlanState s) {
    return RuleContext.of(AnalysisInput.builder().inventory(s.inventory()).services(s.services()).build());
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
  private static int rank(Remedy r) {
    if (r instanceof Remedy.SetServiceNetworking) {
      return 0;
    }
    if (r instanceof Remedy.UpdateDLink) {
      return 1;
    }
    if (r instanceof Remedy.CreateNatGateway) {
      return 2;
    }
    if (r instanceof Remedy.BindEip) {
      return 3;
    }
    if (r instanceof Remedy.CreateSnatEntry) {
      return 4;
    }
    if (r instanceof Remedy.AddRouteEntry) {
      return 5;
    }
    return 6;
  }

  /** One planning run: the changes found so far (by key), the intents they serve, the state with them applied. */
  private static final class Session {
    private PlanState state;
    private final Map<String, Action.ServiceFile> files;
    private final PlanOptions options;
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final Map<String, Set<String>> serves = new HashMap<>();
    final Map<String, Set<String>> skipped = new LinkedHashMap<>();

    Session(PlanState state, Map<String, Action.ServiceFile> files, PlanOptions options) {
      this.state = state;
      this.files = files;
      this.options = options;
    }

    /** One round: analyse, add the remedies of every blocker; false when nothing was added. */
    boolean round() {
      boolean added = false;
      for (ResolvedService rs : analyse(state).services()) {
        String own = rs.name() + ": " + NETWORK;
        for (Remedy r : rs.networkBlockers().stream().flatMap(e -> e.remedy().stream())
            .sorted(Comparator.comparingInt(Planner::rank)).toList()) {
          for (Action a : translate(r, own)) {
            added |= add(a, own);
          }
        }
        for (PathResult p : rs.paths()) {
          if (p.verdict() == Verdict.REACHABLE) {
            continue;
          }
          String who = who(rs.name(), p.intent());
          List<Remedy> remedies = p.explanations().stream().flatMap(e -> e.remedy().stream())
              .sorted(Comparator.comparingInt(Planner::rank)).toList();
          for (Remedy r : remedies) {
            for (Action a : translate(r, who)) {
              added |= add(a, who);
            }
          }
        }
      }
      return added;
    }

    private boolean add(Action a, String who) {
      Action old = actions.get(a.key());
      Action now = a;
      if (old instanceof AppendAllowlist o && a instanceof AppendAllowlist n) {
        now = o.merge(n.entries());
      } else if (old != null) {
        serves.get(a.key()).add(who);
        return false;
      }
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

    /** The gateway as a value: an existing id (or the reference of a planned one), or the planned new one. */
    private Optional<String> gateway(Remedy.Gateway g) {
      if (g instanceof Remedy.ExistingGateway e) {
        return Optional.of(state.symbolOf(e.natGatewayId().value()));
      }
      String key = "nat:" + ((Remedy.NewGateway) g).vpcId().value();
      return actions.containsKey(key) ? Optional.of(Refs.ref(key, "natGatewayId")) : Optional.empty();
    }

    /** A key part for a gateway value without {@code $}, {@code .} or braces. */
    private static String gatewayKey(String gateway) {
      return Refs.changeOf(gateway).orElse(gateway);
    }

    private List<Action> translate(Remedy r, String who) {
      if (r.billed() && !options.allowsBilled()) {
        skip(who, "needs a billed change (" + r.describe() + "): allow billed changes to plan it");
        return List.of();
      }
      if (r instanceof Remedy.AuthorizeSecurityGroupRule a) {
        SecurityGroupRule rule = SecurityGroupRule.builder().from(a.rule()).ruleId(Optional.empty())
            .description(Optional.empty()).build();
        return List.of(new AuthorizeRule(a.securityGroupId().value(), rule));
      }
      if (r instanceof Remedy.AppendAllowlistEntries a) {
        String product = a.instance().kind() == Component.Kind.RDS_INSTANCE ? "rds" : "redis";
        return List.of(new AppendAllowlist(product, a.instance().id(), a.groupName(),
            a.entries().stream().map(Object::toString).toList()));
      }
      if (r instanceof Remedy.CreateNatGateway n) {
        return List.of(new CreateNat(n.vpcId().value(), n.vSwitchId().value()));
      }
      if (r instanceof Remedy.BindEip b) {
        Optional<String> nat = gateway(b.gateway());
        if (nat.isEmpty()) {
          return List.of();
        }
        if (b.eip() instanceof Remedy.Eip.Existing e) {
          Optional<Eip> now = state.inventory().eip(e.eipId());
          if (now.isEmpty() || now.get().instanceId().isPresent()) {
            return List.of();
          }
          return List.of(new BindEip(state.symbolOf(e.eipId().value()), nat.get()));
        }
        String allocKey = "alloc:" + gatewayKey(nat.get());
        return List.of(new AllocateEip(nat.get(), 5, "PayByTraffic"), new BindEip(Refs.ref(allocKey, "eipId"),
            nat.get()));
      }
      if (r instanceof Remedy.CreateSnatEntry c) {
        Optional<String> nat = gateway(c.gateway());
        if (nat.isEmpty()) {
          return List.of();
        }
        String table = null;
        if (c.gateway() instanceof Remedy.ExistingGateway e && !e.snatTableIds().isEmpty()) {
          table = state.symbolOf(e.snatTableIds().get(0).value());
        } else if (c.gateway() instanceof Remedy.NewGateway) {
          table = Refs.ref(Refs.changeOf(nat.get()).orElseThrow(), "snatTableId");
        }
        List<String> ips = c.snatIps().stream().map(ip -> state.symbolOf(ip.toString())).toList();
        if (ips.isEmpty()) {
          Optional<String> ip = plannedEipAddress(nat.get());
          if (ip.isEmpty()) {
            return List.of();
          }
          ips = List.of(ip.get());
        }
        return List.of(new CreateSnat(nat.get(), table, c.sourceVSwitchId().value(), ips));
      }
      if (r instanceof Remedy.AddRouteEntry a) {
        Optional<String> nat = gateway(a.nextHop());
        Optional<RouteTable> table = state.inventory().routeTable(a.routeTableId());
        if (nat.isEmpty() || table.isEmpty()) {
          return List.of();
        }
        return List.of(new AddRoute(table.get().vpcId().value(), a.routeTableId().value(),
            a.destination().toString(), nat.get()));
      }
      if (r instanceof Remedy.SetServiceNetworking s) {
        var n = s.networking();
        Action.ServiceFile f = files.get(s.serviceName());
        return List.of(new SetNetworking(s.serviceName(), f == null ? null : f.path(),
            f == null ? null : f.sha256(), n.vpcId().orElseThrow().value(), n.vSwitchId().orElseThrow().value(),
            n.securityGroupId().orElseThrow().value()));
      }
      Remedy.UpdateDLink d = (Remedy.UpdateDLink) r;
      return List.of(UpdateDLink.of(d.resourceGroupId().value(), d.dlink()));
    }

    /** The address of the EIP a planned binding gives the gateway, as a literal or a reference. */
    private Optional<String> plannedEipAddress(String nat) {
      Action bind = actions.get("bind:" + nat);
      if (!(bind instanceof BindEip b)) {
        return Optional.empty();
      }
      Optional<String> alloc = Refs.changeOf(b.eipId());
      if (alloc.isPresent()) {
        return Optional.of(Refs.ref(alloc.get(), "ipAddress"));
      }
      return state.inventory().eip(EipAllocationId.of(b.eipId())).map(Eip::ipAddress).map(IpAddress::toString);
    }

    /** {@code keys} in apply order: kind, then key. */
    List<String> ordered(Set<String> keys) {
      List<String> out = new ArrayList<>(keys);
      out.sort(Comparator.comparing((String k) -> actions.get(k).kind()).thenComparing(k -> k));
      return out;
    }

    /** True when a change of {@code keep} other than {@code key} refers to it or needs its binding. */
    boolean referenced(String key, Set<String> keep) {
      for (String k : keep) {
        if (k.equals(key)) {
          continue;
        }
        Action a = actions.get(k);
        if (a.values().stream().anyMatch(v -> Refs.changeOf(v).map(key::equals).orElse(false))) {
          return true;
        }
        if (a instanceof CreateSnat c && key.equals("bind:" + c.natGatewayId())) {
          return true;
        }
      }
      return false;
    }

    /** The changes of {@code keep} in apply order, numbered, with references and dependencies by id. */
    List<Change> numbered(Set<String> keep) {
      List<String> keys = ordered(keep);
      Map<String, String> ids = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        ids.put(keys.get(i), "change-" + (i + 1));
      }
      List<Change> out = new ArrayList<>();
      for (String k : keys) {
        Action a = actions.get(k).mapValues(v -> Refs.rename(v, ids::get));
        Set<String> deps = new LinkedHashSet<>();
        for (String v : a.values()) {
          Refs.changeOf(v).ifPresent(deps::add);
        }
        if (actions.get(k) instanceof CreateSnat c) {
          Optional.ofNullable(ids.get("bind:" + c.natGatewayId())).ifPresent(deps::add);
        }
        List<String> sorted = new ArrayList<>(deps);
        sorted.sort(Comparator.comparingInt(id -> Integer.parseInt(id.substring("change-".length()))));
        out.add(new Change(ids.get(k), a, sorted, List.copyOf(serves.get(k))));
      }
      return out;
    }
  }
}
