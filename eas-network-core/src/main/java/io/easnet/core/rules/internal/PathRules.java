package io.easnet.core.rules.internal;

import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult.PathKind;
import io.easnet.core.rules.Finding.Severity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one table from path blockers to rules: which rule reports an {@link Explanation} of a path, by its
 * {@link ExplanationCode} and the {@link PathKind} of the path. Every code maps to a rule for every kind of path, so
 * every blocked intent gets a blocking finding (the agreement the catalogue's tests prove). Blockers of the service's
 * own network ({@link Scope#NETWORK}) and the absence of a network ({@link Scope#SERVICE}) are reported once per
 * service, naming the intents they block; the others once per intent.
 */
public final class PathRules {
  /** How often a rule reports a blocker. */
  enum Scope {
    /** A blocker of the service's own network (vSwitch, security group): once per service. */
    NETWORK,
    /** The service has no network, or an unknown one: once per service, naming its intents. */
    SERVICE,
    /** A blocker on one path: once per intent. */
    INTENT
  }

  /** One rule of the table. */
  record Spec(String id, Severity severity, String summary, Scope scope) {}

  static final Spec VSWITCH_NOT_FOUND = new Spec("EASNET-006", Severity.ERROR, "vSwitch not found in the inventory",
      Scope.NETWORK);
  static final Spec GROUP_NOT_FOUND = new Spec("EASNET-007", Severity.ERROR,
      "Security group not found in the inventory", Scope.NETWORK);
  static final Spec VSWITCH_OUTSIDE_VPC = new Spec("EASNET-008", Severity.ERROR, "vSwitch not in the configured VPC",
      Scope.NETWORK);
  static final Spec GROUP_OUTSIDE_VPC = new Spec("EASNET-009", Severity.ERROR,
      "Security group not in the configured VPC", Scope.NETWORK);
  static final Spec INTERNET_PATH = new Spec("EASNET-019", Severity.ERROR,
      "Internet egress needed but the NAT path is incomplete", Scope.INTENT);
  static final Spec TARGET_NOT_FOUND = new Spec("EASNET-027", Severity.ERROR,
      "Private target not found in the inventory", Scope.INTENT);
  static final Spec TARGET_OTHER_VPC = new Spec("EASNET-028", Severity.ERROR, "Private target in another VPC",
      Scope.INTENT);
  static final Spec TARGET_ALLOWLIST = new Spec("EASNET-029", Severity.ERROR,
      "Target allowlist does not admit the EAS vSwitch", Scope.INTENT);
  static final Spec EAS_EGRESS = new Spec("EASNET-030", Severity.ERROR,
      "EAS security group egress denies the target port", Scope.INTENT);
  static final Spec NO_VPC = new Spec("EASNET-031", Severity.ERROR, "Service needs network access but has no VPC",
      Scope.SERVICE);
  static final Spec TARGET_INGRESS = new Spec("EASNET-033", Severity.ERROR,
      "Target security group denies the EAS service", Scope.INTENT);
  static final Spec CLIENT_BLOCKED = new Spec("EASNET-034", Severity.ERROR,
      "Direct connection from an ECS client blocked", Scope.INTENT);
  static final Spec CLIENT_NOT_FOUND = new Spec("EASNET-035", Severity.ERROR,
      "Client ECS instance not found in the inventory", Scope.INTENT);
  static final Spec CLIENT_OUTSIDE_ROUTES = new Spec("EASNET-036", Severity.ERROR,
      "Client outside the resource group's return routes", Scope.INTENT);
  static final Spec DESTINATION_OUTSIDE_ROUTES = new Spec("EASNET-037", Severity.ERROR,
      "Destination outside the resource group's return routes", Scope.INTENT);
  static final Spec UNDETERMINED = new Spec("EASNET-038", Severity.ERROR,
      "Path undetermined: the inventory lacks a needed fact", Scope.INTENT);
  static final Spec GROUP_UNKNOWN = new Spec("EASNET-039", Severity.ERROR,
      "Network unknown: the service's resource group is not in the inventory", Scope.SERVICE);
  static final Spec CLIENT_OUTSIDE_DESTINATION_CIDRS = new Spec("EASNET-051", Severity.ERROR,
      "Direct-connection client outside the service's destination_cidrs", Scope.INTENT);

  /** Capacity blockers are not on paths: EASNET-010 reports them from the run's capacity report. */
  static final Spec CAPACITY = new Spec("EASNET-010", Severity.ERROR, "vSwitch runs out of IP addresses at scale",
      Scope.NETWORK);

  /** Every path rule of the table (the capacity rule is a rule of its own). */
  static final List<Spec> ALL = List.of(VSWITCH_NOT_FOUND, GROUP_NOT_FOUND, VSWITCH_OUTSIDE_VPC, GROUP_OUTSIDE_VPC,
      INTERNET_PATH, TARGET_NOT_FOUND, TARGET_OTHER_VPC, TARGET_ALLOWLIST, EAS_EGRESS, NO_VPC, TARGET_INGRESS,
      CLIENT_BLOCKED, CLIENT_NOT_FOUND, CLIENT_OUTSIDE_ROUTES, DESTINATION_OUTSIDE_ROUTES, UNDETERMINED,
      GROUP_UNKNOWN, CLIENT_OUTSIDE_DESTINATION_CIDRS);

  private PathRules() {}

  /**
   * The id of the rule that reports a blocker of a path of {@code kind}.
   *
   * @param networkBlocker true when the explanation is a blocker of the service's own network
   */
  public static String ruleIdFor(PathKind kind, ExplanationCode code, boolean networkBlocker) {
    return specFor(kind, code, networkBlocker).id();
  }

  static Spec specFor(PathKind kind, ExplanationCode code, boolean networkBlocker) {
    boolean client = kind == PathKind.CLIENT_TO_SERVICE;
    return switch (code) {
      case VPC_NONE -> NO_VPC;
      case RESOURCE_GROUP_UNKNOWN -> GROUP_UNKNOWN;
      case VSWITCH_NOT_FOUND -> VSWITCH_NOT_FOUND;
      case VSWITCH_NOT_IN_VPC -> VSWITCH_OUTSIDE_VPC;
      case SECURITY_GROUP_NOT_FOUND -> networkBlocker ? GROUP_NOT_FOUND : UNDETERMINED;
      case SECURITY_GROUP_NOT_IN_VPC -> GROUP_OUTSIDE_VPC;
      case VPC_MISMATCH -> client ? CLIENT_BLOCKED : TARGET_OTHER_VPC;
      case SG_EGRESS_DENIES -> client ? CLIENT_BLOCKED : EAS_EGRESS;
      case SG_INGRESS_DENIES -> client ? CLIENT_BLOCKED : TARGET_INGRESS;
      case TARGET_NOT_FOUND -> TARGET_NOT_FOUND;
      case TARGET_ALLOWLIST_MISSING_SOURCE, TARGET_ALLOWLIST_SINGLE_INSTANCE_IP -> TARGET_ALLOWLIST;
      case CLIENT_NOT_FOUND -> CLIENT_NOT_FOUND;
      case NAT_MISSING, NAT_NOT_INTERNET, NAT_NOT_AVAILABLE, NAT_NO_EIP, SNAT_NO_ENTRY_FOR_SOURCE,
          SNAT_PARTIAL_COVERAGE, SNAT_ENTRY_NOT_AVAILABLE, ROUTE_NO_NAT, EXTERNAL_ALLOWLIST_MISSING_EIP ->
          INTERNET_PATH;
      case PREFIX_LIST_UNKNOWN, TARGET_ADDRESS_UNKNOWN, ROUTE_TABLE_NOT_FOUND, DLINK_ROUTE_VSWITCH_NOT_FOUND ->
          UNDETERMINED;
      case DLINK_CLIENT_OUTSIDE_RETURN_ROUTES -> CLIENT_OUTSIDE_ROUTES;
      case DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES -> DESTINATION_OUTSIDE_ROUTES;
      case SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS -> CLIENT_OUTSIDE_DESTINATION_CIDRS;
      case VSWITCH_IP_EXHAUSTED_AT_SCALE -> CAPACITY;
    };
  }

  /**
   * The codes whose blockers the rule of {@code spec} may report, on any kind of path, as a network blocker or not:
   * the services it visits are those with a blocker of one of these codes.
   */
  static Set<ExplanationCode> codesOf(Spec spec) {
    Set<ExplanationCode> out = EnumSet.noneOf(ExplanationCode.class);
    for (ExplanationCode code : ExplanationCode.values()) {
      for (PathKind kind : PathKind.values()) {
        if (specFor(kind, code, true).equals(spec) || specFor(kind, code, false).equals(spec)) {
          out.add(code);
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** One rule per entry of the table. */
  static List<PathRule> rules() {
    return ALL.stream().map(PathRule::new).toList();
  }
}
