package io.easnet.core.change;

import java.util.Arrays;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.easnet.core.internal.Printable;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import java.util.ArrayList;
import java.util.function.Function;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.spi.CloudPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One change eas-net can make to an estate, one class per kind (docs/changes.md). The same object is the remedy the
 * path engine attaches to a blocker ({@code Explanation.remedy()}), the change a plan holds and the step the applier
 * runs. Each kind owns its one sentence ({@link #describe()}), its plan-file JSON form ({@link #writeParameters} and
 * its reader in {@link ChangeKind}), its in-memory edit of an estate ({@link #applyTo}, the planner's proof) and its
 * execution through the port ({@link #execute}: the state check before the write, the client token, the polling).
 *
 * <p>A value that names a resource a change of the same plan creates is a reference ({@link Refs}), e.g.
 * {@code ${change-1.natGatewayId}}. The analysis, which plans nothing, names what a plan would create with stand-ins
 * (the new NAT gateway of a VPC: {@link Gateway#newIn}; a new EIP: {@link BindEip#NEW_EIP}); the planner binds them to
 * references ({@link #bind}).
 *
 * <pre>{@code
 * Change fix = explanation.remedy().orElseThrow();
 * if (fix instanceof AuthorizeSecurityGroupRule r) {
 *   authorize(r.securityGroupId(), r.rule());
 * }
 * }</pre>
 */
public sealed interface Change permits SetServiceNetworking, UpdateDLink, CreateNatGateway, AllocateEip, BindEip,
    CreateSnatEntry, AddRouteEntry, AuthorizeSecurityGroupRule, AppendAllowlistEntries, RemoveAllowlistEntries {
  /** The kind of change. */
  ChangeKind kind();

  /** The change as one sentence, naming the API call: what the fix, the plan and the applier print. */
  String describe();

  /** True when the change creates a billed resource (a NAT gateway, an EIP). */
  default boolean billed() {
    return false;
  }

  /** What the change costs, when it is billed. */
  default Optional<String> billing() {
    return Optional.empty();
  }

  /** The deduplication key: two changes with one key are one change. */
  String key();

  /** The ids of the resources the change is made on (literals or references). */
  List<String> targets();

  /** Writes the parameters of the plan-file form into {@code p}. */
  void writeParameters(ObjectNode p);

  /** Writes the typed values the JSON report shows of this change as a remedy into {@code n}. */
  void writeRemedy(ObjectNode n);

  /**
   * The changes of a plan that make this one, its stand-ins bound to references of what the plan creates (and any
   * change it needs first, e.g. the EIP a binding allocates); none while what it needs is not planned (yet).
   */
  List<Change> bind(Binding b);

  /** A copy with every reference-capable value mapped by {@code f}; the change itself when it holds none. */
  default Change mapValues(UnaryOperator<String> f) {
    return this;
  }

  /** Every value that may be a reference; none by default. */
  default List<String> values() {
    return List.of();
  }

  /** The outputs the change creates, by name; none for most. */
  default List<String> outputs() {
    return List.of();
  }

  /** The keys of the changes this one needs though it refers to none of their outputs; none for most. */
  default List<String> needs() {
    return List.of();
  }

  /**
   * What a change with this one's key found later makes of the two: this one for most kinds (the first stays); an
   * allowlist append takes the other's entries in.
   */
  default Change absorb(Change later) {
    return this;
  }

  /** The estate after the change, in memory; references are resolved through {@code s}. */
  <S extends Estate<S>> S applyTo(S s);

  /**
   * Makes the change through the port: reads the state the write would change (a change already made is in place),
   * writes with the plan's client token, and waits for an asynchronous change to finish.
   */
  <R> R execute(Execution<R> x);

  /**
   * What the change checks before the run's first write, so that a wrong input stops the whole run with nothing
   * changed, on a dry run and an apply alike: the ids it names exist and agree with each other (docs/plan-safety.md);
   * a networking change also checks that its service file is the planned one.
   *
   * @throws Misfit when the change does not fit the estate
   */
  default void checkBeforeWrites(Execution<?> x) {}

  /** The service JSON file the change writes, as the plan names it (relative to the plan file); none for most. */
  default Optional<String> serviceFilePath() {
    return Optional.empty();
  }

  /** A copy naming {@code path} as its service file; the change itself when it writes none. */
  default Change withServiceFilePath(String path) {
    return this;
  }

  /**
   * The NAT gateway a change names: an existing one with its SNAT tables, the new one of a VPC that a
   * {@link CreateNatGateway} of the same plan creates ({@link #newIn}), or a reference to it once planned.
   *
   * @param id the gateway's id, a reference, or the stand-in of the new gateway of a VPC
   * @param snatTableIds the gateway's SNAT tables (ids or references), possibly none known
   */
  record Gateway(String id, List<String> snatTableIds) {
    /** Checks the arguments and copies the list. */
    public Gateway {
      Objects.requireNonNull(id, "id");
      snatTableIds = List.copyOf(snatTableIds);
    }

    /** An existing NAT gateway and its SNAT tables. */
    public static Gateway existing(NatGatewayId id, List<SnatTableId> snatTableIds) {
      return new Gateway(id.value(), snatTableIds.stream().map(SnatTableId::value).toList());
    }

    /** The internet NAT gateway that a {@link CreateNatGateway} creates in {@code vpcId}. */
    public static Gateway newIn(VpcId vpcId) {
      String key = CreateNatGateway.keyOf(vpcId.value());
      return new Gateway(Refs.ref(key, "natGatewayId"), List.of(Refs.ref(key, "snatTableId")));
    }

    /** The VPC whose new gateway this is, when it is the stand-in of one. */
    public Optional<String> newInVpc() {
      return Refs.changeOf(id).filter(c -> c.startsWith(CreateNatGateway.KEY_PREFIX))
          .map(c -> c.substring(CreateNatGateway.KEY_PREFIX.length()));
    }

    /** The gateway as a sentence names a next hop: its id, or "the new internet NAT gateway of vpc-1". */
    public String describe() {
      return newInVpc().map(v -> "the new internet NAT gateway of " + v).orElse(id);
    }

    /** "NAT gateway ngw-1", or "the new internet NAT gateway of vpc-1". */
    String named() {
      return newInVpc().isPresent() ? describe() : "NAT gateway " + id;
    }

    /** The gateway of a plan: an existing id (or the reference of a planned one), or the planned new one. */
    Optional<String> bind(Binding b) {
      Optional<String> vpc = newInVpc();
      if (vpc.isEmpty()) {
        return Optional.of(b.symbolOf(id));
      }
      String key = CreateNatGateway.keyOf(vpc.get());
      return b.planned(key).map(nat -> Refs.ref(key, "natGatewayId"));
    }

    void write(ObjectNode n) {
      Optional<String> vpc = newInVpc();
      if (vpc.isPresent()) {
        n.put("type", "NewGateway");
        n.put("vpcId", vpc.get());
      } else {
        n.put("type", "ExistingGateway");
        n.put("natGatewayId", id);
        com.fasterxml.jackson.databind.node.ArrayNode tables = n.putArray("snatTableIds");
        snatTableIds.forEach(tables::add);
      }
    }
  }

  /**
   * An estate in memory, as a change edits it: the inventory, the values references resolve to, and the services'
   * networking. The planner's state implements it.
   *
   * @param <S> the implementing type
   */
  interface Estate<S extends Estate<S>> {
    /** The inventory. */
    Inventory inventory();

    /** The value of a reference; a literal as it is. */
    String resolve(String value);

    /** A fresh number for a placeholder id. */
    int nextNumber();

    /** The key of the change being applied (its references' change part). */
    String currentKey();

    /** This estate with {@code inventory}. */
    S withInventory(Inventory inventory);

    /** This estate with the reference {@code ref} resolving to {@code value}. */
    S withOutput(String ref, String value);

    /** This estate with the networking of {@code service} set to {@code networking}. */
    S withNetworking(String service, ServiceNetworking networking);
  }

  /**
   * What a change needs from the planner to bind its stand-ins ({@link Change#bind}): the estate with the changes
   * found so far applied, those changes by key, and the service files the intents name.
   */
  interface Binding {
    /** The inventory with every change found so far applied. */
    Inventory inventory();

    /** The reference whose value is {@code literal}, when a planned resource has that id; else the literal. */
    String symbolOf(String literal);

    /** The change found so far under {@code key}. */
    Optional<Change> planned(String key);

    /** The service file of {@code service} as the intents name it, when they name one. */
    Optional<SetServiceNetworking.ServiceFile> serviceFile(String service);
  }

  /**
   * What a change needs from the applier to run itself ({@link Change#execute}): the port, whether this is a dry
   * run, the values of references, the client token and resource name the plan derives for the change, and the
   * applier's bounded calling and polling (refusals retried, every wait counted against the change's deadline).
   *
   * @param <R> the applier's result of one change
   */
  interface Execution<R> {
    /** The cloud. */
    CloudPort port();

    /** True on a dry run: read the estate, write nothing. */
    boolean dry();

    /** The value of {@code v}: a reference's output (null when unknown), else {@code v} itself. */
    String resolve(String v);

    /** The client token of the change's write, derived from the plan and the change id. */
    ClientToken clientToken();

    /** The name the change gives a resource it creates, by which a re-run finds it. */
    String resourceName();

    /** Calls the cloud; refusals are repeated within the change's deadline, other failures thrown. */
    <T> T call(Supplier<T> action);

    /** {@link #call} for a write without a result. */
    default void write(Runnable action) {
      call(() -> {
        action.run();
        return null;
      });
    }

    /** Polls until {@code ready} or the change's deadline; a timeout names {@code what}. */
    void waitFor(BooleanSupplier ready, String what);

    /** The estate already holds the change: {@code message} says how; {@code outputs} are the change's outputs. */
    R inPlace(String message, Map<String, String> outputs);

    /** A dry run's answer: the change would be made. */
    R wouldApply();

    /** The change was made. */
    R applied(Map<String, String> outputs);

    /** The change failed for a reason the change itself found ({@code code} names it). */
    R failed(String message, String code);

    /** The service JSON file a networking change writes, or null when none is named. */
    Path serviceFile(SetServiceNetworking s);

    /** The service file read and checked to be the planned one (its service, its digest). */
    ServiceDocument checkedServiceFile(SetServiceNetworking s, Path file);

    /** The change of the plan with id {@code changeId}, when it comes before this one. */
    Optional<Change> earlier(String changeId);

    /** The name the plan's change {@code changeId} gives a resource it creates (see {@link #resourceName()}). */
    String resourceNameOf(String changeId);

    /** The changes of the plan before this one, in order. */
    List<Change> earlierActions();

    /**
     * Records a fact of the estate the change depends on (e.g. {@code vSwitch vsw-1} = {@code vpc-1 192.168.1.0/24}):
     * the plan keeps them and an apply compares them with the estate it runs on (docs/plan-safety.md). Only facts
     * the plan's own changes do not alter (ids, VPCs, blocks, table ownership), so that a re-run after a crash
     * compares equal.
     */
    void fact(String name, String value);
  }

  /**
   * A change that does not fit the estate, found by its check before the run's first write
   * ({@link #checkBeforeWrites}): the applier reports it as the change's failure and writes nothing.
   */
  final class Misfit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    Misfit(String message, String code) {
      super(message, null, false, false);
      this.code = code;
    }

    /** The kind of misfit, e.g. {@code NotFound}, {@code VpcMismatch}. */
    public String code() {
      return code;
    }
  }

  /**
   * References to what a change of the same plan creates: {@code ${change-1.natGatewayId}}. The planner uses its own
   * keys ({@code ${nat:vpc-1.natGatewayId}}) until the changes are numbered; the analysis' stand-ins are such keys.
   */
  public static final class Refs {
    private Refs() {}

    /** The reference to {@code output} of {@code change}. */
    public static String ref(String change, String output) {
      return "${" + change + "." + output + "}";
    }

    /** True when {@code value} is a reference. */
    public static boolean isRef(String value) {
      return value != null && value.startsWith("${") && value.endsWith("}") && value.lastIndexOf('.') > 2;
    }

    /** The change a reference names. */
    public static Optional<String> changeOf(String value) {
      if (!isRef(value)) {
        return Optional.empty();
      }
      return Optional.of(value.substring(2, value.lastIndexOf('.')));
    }

    /** The output a reference names. */
    public static String outputOf(String value) {
      return value.substring(value.lastIndexOf('.') + 1, value.length() - 1);
    }

    /** {@code value} with the change of a reference renamed. */
    public static String rename(String value, UnaryOperator<String> change) {
      return changeOf(value).map(c -> ref(change.apply(c), outputOf(value))).orElse(value);
    }
  }

  /**
   * How a change reads and writes its parameters in plan JSON (ids of their kind, CIDR blocks, references), and the
   * in-memory edit every change that modifies an existing resource makes.
   */
  final class Params {
    private Params() {}

    static String text(Cursor p, String key) {
      return p.required(key).text();
    }

    /** An optional SHA-256 in hex (64 lowercase hex digits). */
    static String sha256(Cursor p, String key) {
      Optional<Cursor> c = p.opt(key);
      if (c.isEmpty()) {
        return null;
      }
      String v = c.get().text();
      if (!v.matches("[0-9a-f]{64}")) {
        throw c.get().error("\"" + Printable.escape(JsonTrees.abbreviate(v)) + "\" is not a SHA-256 digest.",
            "write the digest as eas-net plan wrote it (64 lowercase hex digits), or plan again.");
      }
      return v;
    }

    /** A literal of the kind {@code parser} reads. */
    static String id(Cursor p, String key, Function<String, ?> parser) {
      Cursor c = p.required(key);
      c.as(parser, "write the value as the plan writer wrote it");
      return c.text();
    }

    /** A literal of the kind {@code parser} reads, or a reference {@code ${change-N.output}}. */
    static String value(Cursor p, String key, Function<String, ?> parser) {
      return value(p.required(key), parser);
    }

    static String value(Cursor c, Function<String, ?> parser) {
      String v = c.text();
      if (v.startsWith("${")) {
        if (!REF.matcher(v).matches()) {
          throw c.error("\"" + v + "\" is not a reference.", "write ${change-N.OUTPUT}, e.g. ${change-1.natGatewayId}.");
        }
        String stand = OUTPUT_STAND_INS.get(Refs.outputOf(v));
        if (stand != null) {
          // the output must be of the parameter's kind: an address is no NAT gateway id
          try {
            Object unused = parser.apply(stand);
          } catch (IllegalArgumentException e) {
            throw c.error("the reference " + v + " names " + Refs.outputOf(v) + ", which is not the kind of value this"
                + " parameter takes.", "refer to an output of the parameter's kind, e.g. ${change-1.natGatewayId} for"
                + " a NAT gateway, ${change-2.eipId} for an EIP, ${change-2.ipAddress} for a SNAT IP.");
          }
        }
        return v;
      }
      c.as(parser, "write the value as the plan writer wrote it, or a reference ${change-N.OUTPUT}");
      return v;
    }

    static List<String> ids(Cursor p, String key, Function<String, ?> parser, boolean refs) {
      Cursor list = p.required(key);
      if (!list.isArray()) {
        throw list.error("\"" + key + "\" must be an array but this is " + Cursor.describe(list.node()) + ".",
            "write an array of strings.");
      }
      List<String> out = new ArrayList<>();
      for (Cursor c : list.elements()) {
        if (refs) {
          out.add(value(c, parser));
        } else {
          c.as(parser, "write the value as the plan writer wrote it");
          out.add(c.text());
        }
      }
      return out;
    }

    /**
     * What each output of a change stands for, as a value of its kind (what the planner's in-memory edit creates), so
     * that a reference is checked against the kind of the parameter that holds it.
     */
    static final java.util.Map<String, String> OUTPUT_STAND_INS = java.util.Map.of("natGatewayId", "ngw-planned1",
        "snatTableId", "stb-planned1", "eipId", "eip-planned1", "ipAddress", "47.254.0.1");

    /** A reference as the plan writes it. */
    static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("\\$\\{change-[1-9][0-9]*\\.[A-Za-z]+\\}");

    static void array(ObjectNode p, String key, List<String> values) {
      ArrayNode a = p.putArray(key);
      values.forEach(a::add);
    }

    /**
     * {@code items} with the one whose id is {@code id} replaced by {@code change} of it.
     *
     * @throws IllegalStateException naming {@code what} when no item has that id
     */
    static <T> List<T> replacing(List<T> items, Function<T, String> idOf, String id, UnaryOperator<T> change,
        String what) {
      List<T> out = new ArrayList<>(items.size());
      boolean found = false;
      for (T item : items) {
        if (idOf.apply(item).equals(id)) {
          found = true;
          out.add(change.apply(item));
        } else {
          out.add(item);
        }
      }
      require(found, what + " " + id);
      return out;
    }

    /**
     * {@code inv} with the allowlist groups of one RDS ({@code product} {@code "rds"}) or Redis instance replaced by
     * {@code edit} of them: the in-memory edit of the allowlist kinds.
     */
    static Inventory editingAllowlists(Inventory inv, String product, String instanceId,
        UnaryOperator<List<AllowlistGroup>> edit) {
      if (product.equals("rds")) {
        return inv.toBuilder().rdsInstances(replacing(inv.rdsInstances(), r -> r.id().value(), instanceId,
            r -> RdsInstance.builder().from(r).allowlists(edit.apply(r.allowlists())).build(),
            "RDS instance")).build();
      }
      return inv.toBuilder().redisInstances(replacing(inv.redisInstances(), r -> r.id().value(), instanceId,
          r -> RedisInstance.builder().from(r).allowlists(edit.apply(r.allowlists())).build(),
          "Redis instance")).build();
    }

    /** The allowlist groups of one RDS ({@code product} {@code "rds"}) or Redis instance, read through {@code port}. */
    static List<AllowlistGroup> allowlistsOf(CloudPort port, String product, String instanceId) {
      return product.equals("rds")
          ? port.rds().describeAllowlists(RdsInstanceId.of(instanceId))
          : port.redis().describeAllowlists(RedisInstanceId.of(instanceId));
    }

    static void require(boolean found, String what) {
      if (!found) {
        throw new IllegalStateException("the plan changes " + what + ", which the estate does not hold");
      }
    }
  }

  /**
   * The kinds of {@link Change}, in the order a plan applies them: the service's own network first, then NAT gateway,
   * EIP, binding, SNAT entry and route (each needs the one before), then security-group rules and allowlist appends,
   * which need nothing, then the removal of allowlist entries an append replaces. Each kind has its name in plan JSON
   * and its reader.
   */
  public enum ChangeKind {
    /** Write {@code cloud.networking} into the service JSON file (then deploy it with {@code eascmd}). */
    SET_SERVICE_NETWORKING("SetServiceNetworking", SetServiceNetworking::read),
    /** Change a resource group's VPC direct connection (UpdateResourceDLink); asynchronous. */
    UPDATE_DLINK("UpdateResourceDLink", UpdateDLink::read),
    /** Create an internet NAT gateway (CreateNatGateway); billed, asynchronous. */
    CREATE_NAT_GATEWAY("CreateNatGateway", CreateNatGateway::read),
    /** Allocate an EIP (AllocateEipAddress); billed. */
    ALLOCATE_EIP("AllocateEipAddress", AllocateEip::read),
    /** Bind an EIP to a NAT gateway (AssociateEipAddress). */
    BIND_EIP("AssociateEipAddress", BindEip::read),
    /** Create a SNAT entry for a vSwitch (CreateSnatEntry); asynchronous. */
    CREATE_SNAT_ENTRY("CreateSnatEntry", CreateSnatEntry::read),
    /** Route a destination to a NAT gateway (CreateRouteEntry). */
    ADD_ROUTE_ENTRY("CreateRouteEntry", AddRouteEntry::read),
    /** Authorize a security-group rule (AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress). */
    AUTHORIZE_SECURITY_GROUP_RULE("AuthorizeSecurityGroupRule", AuthorizeSecurityGroupRule::read),
    /** Append entries to an RDS or Redis allowlist group (ModifySecurityIps, Append). */
    APPEND_ALLOWLIST_ENTRIES("AppendAllowlistEntries", AppendAllowlistEntries::read),
    /**
     * Remove single EAS instance addresses from an RDS or Redis allowlist group (ModifySecurityIps, Delete), after the
     * append of the block that replaces them; planned only with {@code --allow-removals}.
     */
    REMOVE_ALLOWLIST_ENTRIES("RemoveAllowlistEntries", RemoveAllowlistEntries::read);

    private final String jsonName;
    private final Function<Cursor, Change> reader;

    ChangeKind(String jsonName, Function<Cursor, Change> reader) {
      this.jsonName = jsonName;
      this.reader = reader;
    }

    /** The name in plan JSON ({@code "kind"}), e.g. {@code CreateSnatEntry}. */
    public String jsonName() {
      return jsonName;
    }

    /**
     * Reads the parameters of a change of this kind: every id must be an id of its kind, every block a CIDR block, and
     * a value that may name what an earlier change creates either a literal or a reference
     * ({@code ${change-N.output}}; the plan checks that the change is earlier and has that output).
     */
    Change read(Cursor parameters) {
      return reader.apply(parameters);
    }

    /**
     * Reads the parameters of a change of this kind from a plan file (see {@link #read(Cursor)}).
     *
     * @param parameters the {@code parameters} object
     * @param pointer its JSON pointer in the file
     * @param source the file, as errors name it
     * @throws io.easnet.core.InvalidInputException naming the file, the pointer and the fix when a value is wrong
     */
    public Change read(com.fasterxml.jackson.databind.JsonNode parameters, String pointer, String source) {
      return read(Cursor.at(parameters, pointer, source));
    }

    /**
     * The order changes are taken in within one path: the kinds others depend on first (the apply order); rules and
     * allowlists depend on nothing and on each other not at all, so they keep the order the analysis gave them.
     */
    @SuppressWarnings("EnumOrdinal") // deliberate: the declaration order is the apply order (see above)
    public int rank() {
      return Math.min(ordinal(), AUTHORIZE_SECURITY_GROUP_RULE.ordinal());
    }

    /** The kind whose {@link #jsonName()} is {@code name}. */
    public static Optional<ChangeKind> ofJsonName(String name) {
      return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }
  }
}
