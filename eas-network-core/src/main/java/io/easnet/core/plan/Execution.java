package io.easnet.core.plan;

import io.easnet.core.json.ServiceDocument;
import io.easnet.core.spi.ClientToken;
import io.easnet.core.spi.CloudPort;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a change needs from the {@link Applier} to run itself ({@link Action#execute}): the port, whether this is a dry
 * run, the values of references, the client token and resource name the plan derives for the change, and the
 * applier's bounded calling and polling (refusals retried, every wait counted against the change's deadline). The
 * change does the rest: the state check before the write, the write, the wait for the result.
 */
interface Execution {
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
  ChangeResult inPlace(String message, Map<String, String> outputs);

  /** A dry run's answer: the change would be made. */
  ChangeResult wouldApply();

  /** The change was made. */
  ChangeResult applied(Map<String, String> outputs);

  /** The change failed for a reason the change itself found ({@code code} names it). */
  ChangeResult failed(String message, String code);

  /** The service JSON file a networking change writes, or null when none is named. */
  Path serviceFile(SetNetworking s);

  /** The service file read and checked to be the planned one (its service, its digest). */
  ServiceDocument checkedServiceFile(SetNetworking s, Path file);

  /** The change of the plan with id {@code changeId}, when it comes before this one. */
  java.util.Optional<Action> earlier(String changeId);

  /** The name the plan's change {@code changeId} gives a resource it creates (see {@link #resourceName()}). */
  String resourceNameOf(String changeId);

  /** The changes of the plan before this one, in order. */
  java.util.List<Action> earlierActions();

  /**
   * Records a fact of the estate the change depends on (e.g. {@code vSwitch vsw-1} = {@code vpc-1 192.168.1.0/24}):
   * the plan keeps them ({@link EstateFacts}) and an apply compares them with the estate it runs on. Only facts the
   * plan's own changes do not alter (ids, VPCs, blocks, table ownership), so that a re-run after a crash compares
   * equal.
   */
  void fact(String name, String value);
}
