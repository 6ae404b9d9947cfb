package io.easnet.core.check;

import io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change to an estate breaks: two {@link NetworkCheck}s (before and after, each an inventory with its services
 * and their intents) each analysed once by their {@link EstateAnalysis}, compared. The result holds every path's
 * verdict on both sides; the paths whose verdict changed, each with the component and the rule that changed (the
 * security-group rule removed or added, the route entry, the SNAT entry) and the blockers the change introduced; the
 * findings that appear and disappear (matched by fingerprint); and the vSwitches whose capacity crosses a threshold.
 *
 * <pre>{@code
 * EstateDiff diff = EstateDiff.compare(
 *     NetworkCheck.builder().snapshot(Path.of("before.json")).addService(svc).build(),
 *     NetworkCheck.builder().snapshot(Path.of("after.json")).addService(svc).build());
 * diff.broken().forEach(p -> System.out.println(p.service() + " can no longer " + p.intent() + ": " + p.changes()));
 * boolean gate = diff.breaks();
 * }</pre>
 *
 * <p>The verdicts are those each side's analysis computes (docs/pipeline.md); nothing here analyses a path. See
 * docs/pull-requests.md. Immutable.
 */
public final class EstateDiff {
  /** The rule id of a path the change breaks. */
  public static final String BROKEN = "EASNET-DIFF-BROKEN";
  /** The rule id of a path the change fixes. */
  public static final String FIXED = "EASNET-DIFF-FIXED";
  /** The rule id of a path whose verdict changes otherwise (e.g. to UNDETERMINED, known after apply). */
  public static final String CHANGED = "EASNET-DIFF-CHANGED";
  /** The rule id of a finding of the before estate that the after estate no longer has. */
  public static final String RESOLVED = "EASNET-DIFF-RESOLVED";
  /** The rule id of a vSwitch whose capacity crosses a threshold. */
  public static final String CAPACITY = "EASNET-DIFF-CAPACITY";

  private static final String ESTATE = "<estate>";
  private static final String DOC = "https://github.com/easnet/eas-network/blob/main/docs/pull-requests.md";
  /** Peak utilisation, in percent, above which a vSwitch is reported as nearly full (EASNET-010's threshold). */
  private static final double NEARLY_FULL_PERCENT = 80.0;
  /** At most this many components changes are named per path, so that a report stays short. */
  private static final int MAX_CHANGES_PER_PATH = 8;

  /**
   * One path (a service's intent) on both sides.
   *
   * @param service the service name
   * @param intent the intent, as {@code Intent.describe()} words it ({@code reach RDS rm-1:3306})
   * @param before the verdict before, empty when the path does not exist before
   * @param after the verdict after, empty when the path does not exist after
   * @param changes what changed on this path's components: the rule, route or SNAT entry removed or added, and the
   *     hop whose decision changed; empty when the verdict did not change
   * @param introduced the blockers of the after path that the before path did not have
   * @param afterResult the after path result, when the path exists after
   */
  public record PathVerdicts(String service, String intent, Optional<Verdict> before, Optional<Verdict> after,
      List<String> changes, List<Explanation> introduced, Optional<PathResult> afterResult) {
    /** Checks and copies the arguments. */
    public PathVerdicts {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(intent, "intent");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      changes = List.copyOf(changes);
      introduced = List.copyOf(introduced);
      Objects.requireNonNull(afterResult, "afterResult");
    }

    /** True when the verdict is not the same on both sides. */
    public boolean changed() {
      return !before.equals(after);
    }

    /** True when the path reached its target before and no longer does (UNREACHABLE or AMBIGUOUS after). */
    public boolean breaks() {
      return before.equals(Optional.of(Verdict.REACHABLE))
          && after.filter(v -> v == Verdict.UNREACHABLE || v == Verdict.AMBIGUOUS).isPresent();
    }

    /** True when the path did not reach its target before and does after. */
    public boolean fixes() {
      return before.filter(v -> v == Verdict.UNREACHABLE || v == Verdict.AMBIGUOUS).isPresent()
          && after.equals(Optional.of(Verdict.REACHABLE));
    }
  }

  private final String beforeSource;
  private final String afterSource;
  private final List<PathVerdicts> paths;
  private final List<Finding> appeared;
  private final List<Finding> disappeared;
  private final List<Finding> capacity;

  private EstateDiff(String beforeSource, String afterSource, List<PathVerdicts> paths, List<Finding> appeared,
      List<Finding> disappeared, List<Finding> capacity) {
    this.beforeSource = beforeSource;
    this.afterSource = afterSource;
    this.paths = List.copyOf(paths);
    this.appeared = List.copyOf(appeared);
    this.disappeared = List.copyOf(disappeared);
    this.capacity = List.copyOf(capacity);
  }

  /**
   * Runs both checks (each analyses its estate once) and compares them. Give both the same services and intents:
   * a path is matched by its service name and its intent.
   *
   * @param before the estate before the change, with the services and their intents
   * @param after the estate after the change, with the same services and intents
   */
  public static EstateDiff compare(NetworkCheck before, NetworkCheck after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    NetworkCheck.Analysed b = before.analysed();
    NetworkCheck.Analysed a = after.analysed();
    List<String> inventoryChanges = new ArrayList<>();
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    inventoryChanges(b.analysis().inventory(), a.analysis().inventory(), inventoryChanges, keys);
    Map<String, PathResult> bp = byKey(b.analysis(), before.inventorySource());
    Map<String, PathResult> ap = byKey(a.analysis(), after.inventorySource());
    Set<String> all = new LinkedHashSet<>(bp.keySet());
    all.addAll(ap.keySet());
    List<PathVerdicts> paths = new ArrayList<>();
    for (String k : all) {
      Optional<PathResult> x = Optional.ofNullable(bp.get(k));
      Optional<PathResult> y = Optional.ofNullable(ap.get(k));
      PathResult any = x.orElseGet(y::orElseThrow);
      Optional<Verdict> vb = x.map(PathResult::verdict);
      Optional<Verdict> va = y.map(PathResult::verdict);
      List<String> changes = vb.equals(va) ? List.of() : changes(x, y, inventoryChanges, keys);
      paths.add(new PathVerdicts(any.serviceName(), any.intent().describe(), vb, va, changes, introduced(x, y), y));
    }
    Map<String, Finding> fb = byFingerprint(b.report().findings(), before.inventorySource());
    Map<String, Finding> fa = byFingerprint(a.report().findings(), after.inventorySource());
    List<Finding> appeared = fa.entrySet().stream().filter(e -> !fb.containsKey(e.getKey()))
        .map(Map.Entry::getValue).sorted(Finding.ORDER).toList();
    List<Finding> disappeared = fb.entrySet().stream().filter(e -> !fa.containsKey(e.getKey()))
        .map(Map.Entry::getValue).sorted(Finding.ORDER).toList();
    return new EstateDiff(before.inventorySource(), after.inventorySource(), paths, appeared, disappeared,
        capacity(b.analysis(), a.analysis(), after.inventorySource()));
  }

  /** Every path of either side, with its verdict on both. */
  public List<PathVerdicts> paths() {
    return paths;
  }

  /** The paths whose verdict changed. */
  public List<PathVerdicts> changed() {
    return paths.stream().filter(PathVerdicts::changed).toList();
  }

  /** The paths the change breaks. */
  public List<PathVerdicts> broken() {
    return paths.stream().filter(PathVerdicts::breaks).toList();
  }

  /** The paths the change fixes. */
  public List<PathVerdicts> fixed() {
    return paths.stream().filter(PathVerdicts::fixes).toList();
  }

  /** The findings of the after estate that the before estate does not have (by fingerprint). */
  public List<Finding> appeared() {
    return appeared;
  }

  /** The findings of the before estate that the after estate no longer has (by fingerprint). */
  public List<Finding> disappeared() {
    return disappeared;
  }

  /** The vSwitches whose capacity crosses a threshold (short of addresses, or above 80 % at peak), as findings. */
  public List<Finding> capacityChanges() {
    return capacity;
  }

  /** True when nothing changed: no verdict, no finding, no capacity threshold. */
  public boolean isEmpty() {
    return changed().isEmpty() && appeared.isEmpty() && disappeared.isEmpty() && capacity.isEmpty();
  }

  /** True when the change breaks a path or brings a new error finding: the CLI then exits 1. */
  public boolean breaks() {
    return !broken().isEmpty() || appeared.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * The diff as a report, for every report format: a finding per changed path ({@link #BROKEN} an error,
   * {@link #FIXED} and {@link #CHANGED} notes), the findings that appear as they are, a note per finding that
   * disappears ({@link #RESOLVED}), a finding per capacity threshold crossed ({@link #CAPACITY}), and the after path
   * of each broken path. Unchanged paths and unchanged findings are left out, so that it fits a pull-request comment.
   */
  public Report toReport() {
    List<Finding> out = new ArrayList<>();
    List<PathResult> broken = new ArrayList<>();
    for (PathVerdicts p : changed()) {
      String id = p.breaks() ? BROKEN : p.fixes() ? FIXED : CHANGED;
      String verdicts = p.before().map(Verdict::name).orElse("absent") + " → "
          + p.after().map(Verdict::name).orElse("absent");
      String what = p.breaks() ? "can no longer " : p.fixes() ? "can now " : "changes whether it can ";
      Finding.Builder f = Finding.builder().ruleId(id)
          .severity(p.breaks() ? Severity.ERROR : Severity.INFO)
          .summary(p.breaks() ? "The change breaks a path" : p.fixes() ? "The change fixes a path"
              : "The change alters a path's verdict")
          .message("service " + p.service() + " " + what + p.intent() + " (" + verdicts + ")"
              + (p.changes().isEmpty() ? "" : ": " + String.join("; ", p.changes())))
          .source(afterSource).serviceName(p.service()).identity(p.intent()).addIntents(p.intent())
          .remediation(p.breaks() ? remediation(p) : "nothing to do").docUrl(DOC);
      p.introduced().forEach(e -> e.component().resourceId().ifPresent(r -> f.addResourceIds(r.toString())));
      out.add(f.build());
      if (p.breaks()) {
        p.afterResult().ifPresent(broken::add);
      }
    }
    out.addAll(appeared);
    for (Finding d : disappeared) {
      out.add(Finding.builder().ruleId(RESOLVED).severity(Severity.INFO).summary("The change resolves a finding")
          .message("no longer found: " + d.headline() + ": " + d.message())
          .source(beforeSource).pointer(d.pointer()).serviceName(d.serviceName()).addAllResourceIds(d.resourceIds())
          .identity(d.fingerprint()).remediation("nothing to do").docUrl(DOC).build());
    }
    out.addAll(capacity);
    out.sort(Finding.ORDER);
    return Report.builder().addInputs(beforeSource).addInputs(afterSource).addAllFindings(out)
        .addAllPathResults(broken).build();
  }

  private static String remediation(PathVerdicts p) {
    List<String> fixes = new ArrayList<>();
    p.introduced().forEach(e -> fixes.add(e.fix()));
    return fixes.isEmpty() ? "restore what the change removed, or change the intent" : String.join("; ", fixes);
  }

  /**
   * The paths of an analysis by service, source and intent (a service of the estate file counts as of "the estate",
   * whatever the file's name); a repeated key keeps its first path.
   */
  private static Map<String, PathResult> byKey(EstateAnalysis analysis, String estateSource) {
    Map<String, PathResult> out = new LinkedHashMap<>();
    for (ResolvedService s : analysis.services()) {
      String source = s.source().filter(n -> !n.equals(estateSource)).orElse("");
      for (PathResult p : s.paths()) {
        out.putIfAbsent(s.name() + "\u0000" + source + "\u0000" + p.intent().describe(), p);
      }
    }
    return out;
  }

  /**
   * Findings by fingerprint, where a finding located in (or naming) the estate file counts as located in "the
   * estate": the before and after files have different names, and their findings are the same finding.
   */
  private static Map<String, Finding> byFingerprint(List<Finding> findings, String estateSource) {
    Map<String, Finding> out = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (estateSource.isEmpty()) {
        out.putIfAbsent(f.fingerprint(), f);
        continue;
      }
      Finding keyed = Finding.builder().from(f).source(f.source().filter(n -> !n.equals(estateSource)))
          .resourceIds(f.resourceIds().stream().map(r -> r.replace(estateSource, ESTATE)).toList())
          .identity(f.identity().replace(estateSource, ESTATE)).build();
      out.putIfAbsent(keyed.fingerprint(), f);
    }
    return out;
  }

  /** The blockers of {@code after} that {@code before} does not have (by code and component). */
  private static List<Explanation> introduced(Optional<PathResult> before, Optional<PathResult> after) {
    if (after.isEmpty()) {
      return List.of();
    }
    Set<String> had = new TreeSet<>();
    before.ifPresent(p -> p.explanations().forEach(e -> had.add(e.code() + " " + e.component())));
    return after.get().explanations().stream().filter(e -> !had.contains(e.code() + " " + e.component())).toList();
  }

  /**
   * What changed on the components of a path: the inventory changes (rules, routes, SNAT entries) whose resources the
   * path names on either side, then the hops whose decision changed.
   */
  private static List<String> changes(Optional<PathResult> before, Optional<PathResult> after,
      List<String> inventoryChanges, Map<String, Set<String>> keys) {
    StringBuilder text = new StringBuilder();
    before.ifPresent(p -> describe(p, text));
    after.ifPresent(p -> describe(p, text));
    String blob = text.toString();
    List<String> out = new ArrayList<>();
    for (String c : inventoryChanges) {
      if (keys.getOrDefault(c, Set.of()).stream().anyMatch(blob::contains)) {
        out.add(c);
      }
    }
    Map<String, String> hopsBefore = hops(before);
    Map<String, String> hopsAfter = hops(after);
    for (Map.Entry<String, String> e : hopsAfter.entrySet()) {
      String was = hopsBefore.get(e.getKey());
      if (was != null && !was.equals(e.getValue())) {
        out.add(e.getKey() + ": was " + was + ", now " + e.getValue());
      }
    }
    if (out.size() > MAX_CHANGES_PER_PATH) {
      int more = out.size() - MAX_CHANGES_PER_PATH;
      out = new ArrayList<>(out.subList(0, MAX_CHANGES_PER_PATH));
      out.add("and " + more + " more");
    }
    return out;
  }

  private static void describe(PathResult p, StringBuilder sb) {
    for (VSwitchPath v : p.vSwitchPaths()) {
      sb.append(v.vSwitchId()).append('\n');
      for (Hop h : v.hops()) {
        sb.append(h.component()).append(' ').append(h.detail().orElse("")).append('\n');
      }
    }
    for (Explanation e : p.explanations()) {
      sb.append(e.component()).append(' ').append(e.actual()).append(' ')
          .append(e.decidingRule().map(DecidingRule::text).orElse("")).append('\n');
    }
  }

  /** Hop decisions by vSwitch, label and component: {@code PASS (sg-1 ingress priority 1 accept …)}. */
  private static Map<String, String> hops(Optional<PathResult> p) {
    Map<String, String> out = new TreeMap<>();
    p.ifPresent(r -> {
      for (VSwitchPath v : r.vSwitchPaths()) {
        for (Hop h : v.hops()) {
          out.putIfAbsent((h.label().contains(h.component()) ? h.label() : h.label() + " " + h.component())
              + (r.vSwitchPaths().size() > 1 ? " in " + v.vSwitchId()
              : ""), h.status().name().toLowerCase(Locale.ROOT) + h.detail().map(d -> " (" + d + ")").orElse(""));
        }
      }
    });
    return out;
  }

  /**
   * The changes between two inventories that a path can be blocked or unblocked by: security-group rules, route
   * entries and SNAT entries removed or added. {@code keys} maps each change to the resource ids that tie it to a
   * path (the group, the route table and its VPC, the NAT gateway, the source vSwitch).
   */
  private static void inventoryChanges(Inventory before, Inventory after, List<String> out,
      Map<String, Set<String>> keys) {
    Map<String, SecurityGroup> gb = new TreeMap<>();
    before.securityGroups().forEach(g -> gb.put(g.id().toString(), g));
    Map<String, SecurityGroup> ga = new TreeMap<>();
    after.securityGroups().forEach(g -> ga.put(g.id().toString(), g));
    Set<String> groups = new TreeSet<>(gb.keySet());
    groups.addAll(ga.keySet());
    for (String g : groups) {
      List<SecurityGroupRule> rb = gb.containsKey(g) ? gb.get(g).rules() : List.of();
      List<SecurityGroupRule> ra = ga.containsKey(g) ? ga.get(g).rules() : List.of();
      SecurityGroup group = gb.containsKey(g) ? gb.get(g) : ga.get(g);
      for (SecurityGroupRule r : rb) {
        if (ra.stream().noneMatch(r::sameRuleAs)) {
          add(out, keys, "security-group rule removed: " + DecidingRule.render(group.id(), r), g);
        }
      }
      for (SecurityGroupRule r : ra) {
        if (rb.stream().noneMatch(r::sameRuleAs)) {
          add(out, keys, "security-group rule added: " + DecidingRule.render(group.id(), r), g);
        }
      }
    }
    Map<String, RouteTable> tb = new TreeMap<>();
    before.routeTables().forEach(t -> tb.put(t.id().toString(), t));
    Map<String, RouteTable> ta = new TreeMap<>();
    after.routeTables().forEach(t -> ta.put(t.id().toString(), t));
    Set<String> tables = new TreeSet<>(tb.keySet());
    tables.addAll(ta.keySet());
    for (String t : tables) {
      List<RouteEntry> eb = tb.containsKey(t) ? tb.get(t).entries() : List.of();
      List<RouteEntry> ea = ta.containsKey(t) ? ta.get(t).entries() : List.of();
      String vpc = (tb.containsKey(t) ? tb.get(t) : ta.get(t)).vpcId().toString();
      for (RouteEntry e : eb) {
        if (!ea.contains(e)) {
          add(out, keys, "route entry removed: " + t + " " + route(e), t, e.nextHopId(), vpc);
        }
      }
      for (RouteEntry e : ea) {
        if (!eb.contains(e)) {
          add(out, keys, "route entry added: " + t + " " + route(e), t, e.nextHopId(), vpc);
        }
      }
    }
    for (SnatEntry e : before.snatEntries()) {
      if (!after.snatEntries().contains(e)) {
        add(out, keys, (after.snatEntries().stream().anyMatch(x -> x.id().equals(e.id())) ? "SNAT entry changed: "
            : "SNAT entry removed: ") + snat(e), snatKeys(e));
      }
    }
    for (SnatEntry e : after.snatEntries()) {
      if (!before.snatEntries().contains(e) && before.snatEntries().stream().noneMatch(x -> x.id().equals(e.id()))) {
        add(out, keys, "SNAT entry added: " + snat(e), snatKeys(e));
      }
    }
  }

  private static String[] snatKeys(SnatEntry e) {
    List<String> k = new ArrayList<>(List.of(e.id().toString(), e.natGatewayId().toString()));
    e.sourceVSwitchId().ifPresent(v -> k.add(v.toString()));
    e.snatIps().forEach(ip -> k.add(ip.toString()));
    return k.toArray(String[]::new);
  }

  private static void add(List<String> out, Map<String, Set<String>> keys, String change, String... ids) {
    if (!keys.containsKey(change)) {
      out.add(change);
    }
    keys.computeIfAbsent(change, c -> new LinkedHashSet<>()).addAll(List.of(ids));
  }

  private static String route(RouteEntry e) {
    return e.destination() + " → " + e.nextHopType() + " " + e.nextHopId();
  }

  private static String snat(SnatEntry e) {
    return e.id() + " on " + e.natGatewayId() + " from "
        + e.sourceVSwitchId().map(Object::toString).orElseGet(() -> e.sourceCidr().map(Object::toString).orElse("?"))
        + " via " + e.snatIps();
  }

  /** The vSwitches whose capacity state (enough, above 80 % at peak, short) differs between the two analyses. */
  private static List<Finding> capacity(EstateAnalysis before, EstateAnalysis after, String source) {
    Map<String, VSwitchCapacity> cb = new TreeMap<>();
    before.capacity().vSwitches().forEach(v -> cb.put(v.vSwitchId().toString(), v));
    Map<String, VSwitchCapacity> ca = new TreeMap<>();
    after.capacity().vSwitches().forEach(v -> ca.put(v.vSwitchId().toString(), v));
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, VSwitchCapacity> e : ca.entrySet()) {
      int was = Optional.ofNullable(cb.get(e.getKey())).map(EstateDiff::level).orElse(0);
      int now = level(e.getValue());
      if (was == now) {
        continue;
      }
      VSwitchCapacity v = e.getValue();
      out.add(Finding.builder().ruleId(CAPACITY).severity(now > was ? Severity.WARNING : Severity.INFO)
          .summary("The change moves a vSwitch across a capacity threshold")
          .message("vSwitch " + e.getKey() + " goes from " + LEVELS[was] + " to " + LEVELS[now] + ": "
              + v.totalDemand() + " addresses needed at peak of " + v.usable() + " usable ("
              + String.format(Locale.ROOT, "%.0f", v.peakUtilisationPercent()) + " %)")
          .source(source).addResourceIds(e.getKey()).identity(LEVELS[was] + "→" + LEVELS[now])
          .remediation(now > was ? "give the services a larger vSwitch, or fewer instances at peak" : "nothing to do")
          .docUrl(DOC).build());
    }
    return out;
  }

  private static final String[] LEVELS = {"enough addresses", "above 80 % at peak", "short of addresses"};

  private static int level(VSwitchCapacity v) {
    return v.isShort() ? 2 : v.peakUtilisationPercent() > NEARLY_FULL_PERCENT ? 1 : 0;
  }
}
