package io.easnet.core.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.ServiceNetworking;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.ClientToken;
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
    CreateSnatEntry, AddRouteEntry, AuthorizeSecurityGroupRule, AppendAllowlistEntries {
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
}
