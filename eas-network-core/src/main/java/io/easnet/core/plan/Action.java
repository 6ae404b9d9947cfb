package io.easnet.core.plan;

import io.easnet.core.plan.Applier.ChangeResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one {@link Change} does, as typed data, and the one place that turns it into an edit of the estate in memory
 * ({@link #applyTo(PlanState)}: the planner's proof). Values that name a resource a change of the same plan creates
 * are references ({@link Refs}), e.g. {@code ${change-1.natGatewayId}}; everything else is a literal id.
 */
sealed interface Action permits SetNetworking, UpdateDLink, CreateNat, AllocateEip, BindEip, CreateSnat, AddRoute,
    AuthorizeRule, AppendAllowlist {
  /** The kind of change. */
  ChangeKind kind();

  /** The deduplication key: two remedies with one key are one change. */
  String key();

  /** The ids of the resources the change is made on (literals or references). */
  List<String> targets();

  /** One sentence naming the API call. */
  String describe();

  /** True when the change creates a billed resource. */
  default boolean billed() {
    return false;
  }

  /** What the change costs, when it is billed. */
  default Optional<String> billing() {
    return Optional.empty();
  }

  /** Writes the parameters into {@code p}. */
  void writeParameters(ObjectNode p);

  /** A copy with every reference-capable value mapped by {@code f}; the change itself when it holds none. */
  default Action mapValues(UnaryOperator<String> f) {
    return this;
  }

  /**
   * Makes the change through the port: reads the state the write would change (a change already made is in place),
   * writes with the plan's client token, and waits for an asynchronous change to finish.
   */
  ChangeResult execute(Execution x);

  /**
   * What the change checks before the run's first write, so that a wrong input stops the whole run with nothing
   * changed: nothing for most kinds; a networking change checks that its service file is the planned one.
   */
  default void checkBeforeWrites(Execution x) {}

  /** The service JSON file the change writes, as the plan names it (relative to the plan file); none for most. */
  default Optional<String> serviceFilePath() {
    return Optional.empty();
  }

  /** A copy naming {@code path} as its service file; the change itself when it writes none. */
  default Action withServiceFilePath(String path) {
    return this;
  }

  /** Every value that may be a reference; none by default. */
  default List<String> values() {
    return List.of();
  }

  /** The estate after the change, in memory; references are resolved through {@code s}. */
  PlanState applyTo(PlanState s);

  /**
   * What a change with this one's key found later makes of the two: this one for most kinds (the first stays); an
   * allowlist append takes the other's entries in.
   */
  default Action absorb(Action later) {
    return this;
  }

  /** The keys of the changes this one needs though it refers to none of their outputs; none for most. */
  default List<String> needs() {
    return List.of();
  }

  /** The outputs a change creates, by name; none for most. */
  default List<String> outputs() {
    return List.of();
  }

  /**
   * Reads the parameters of a change of {@code kind}: every id must be an id of its kind, every block a CIDR block,
   * and a value that may name what an earlier change creates either a literal or a reference
   * ({@code ${change-N.output}}; {@link Plan#parse} checks that the change is earlier and has that output).
   */
  static Action read(ChangeKind kind, Cursor p) {
    return kind.read(p);
  }
}
