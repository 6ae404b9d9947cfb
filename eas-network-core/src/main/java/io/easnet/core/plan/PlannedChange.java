package io.easnet.core.plan;

import io.easnet.core.change.Change;
import io.easnet.core.change.Change.ChangeKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a {@link Plan}: its stable id ({@code change-1}, …), kind, the resources it is made on, the changes it
 * waits for, whether it is billed (and how), the intents it serves and a one-sentence description naming the API
 * call. The parameters are in {@link Plan#toJson()}; values that name a resource an earlier change creates are
 * references such as {@code ${change-1.natGatewayId}}, resolved when the plan is applied. Immutable.
 */
public final class PlannedChange {
  private final String id;
  private final Change action;
  private final List<String> dependsOn;
  private final List<String> serves;

  PlannedChange(String id, Change action, List<String> dependsOn, List<String> serves) {
    this.id = Objects.requireNonNull(id, "id");
    this.action = Objects.requireNonNull(action, "action");
    this.dependsOn = List.copyOf(dependsOn);
    this.serves = List.copyOf(serves);
  }

  /** The id, unique in the plan: {@code change-1}, {@code change-2}, … in apply order. */
  public String id() {
    return id;
  }

  /** What kind of change this is. */
  public ChangeKind kind() {
    return action.kind();
  }

  /** The ids of the resources the change is made on (references for resources the plan creates). */
  public List<String> targets() {
    return action.targets();
  }

  /** The ids of the changes that must succeed first. */
  public List<String> dependsOn() {
    return dependsOn;
  }

  /** True when the change creates a billed resource (a NAT gateway, an EIP). */
  public boolean billed() {
    return action.billed();
  }

  /** How the change is billed, when it is. */
  public Optional<String> billing() {
    return action.billing();
  }

  /** The intents the change serves, as {@code SERVICE: INTENT} (e.g. {@code svc: rds:rm-1:3306}). */
  public List<String> serves() {
    return serves;
  }

  /** One sentence naming the API call. */
  public String description() {
    return action.describe();
  }

  Change action() {
    return action;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlannedChange c && c.id.equals(id) && c.action.equals(action) && c.dependsOn.equals(dependsOn)
        && c.serves.equals(serves);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, action, dependsOn, serves);
  }

  @Override
  public String toString() {
    return id + " " + kind().jsonName() + ": " + description();
  }
}
