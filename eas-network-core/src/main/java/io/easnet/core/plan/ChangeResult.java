package io.easnet.core.plan;

import io.easnet.core.change.ChangeKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the {@link Applier} did with one change. */
public final class ChangeResult {
  /** The outcome of one change. */
  public enum Status {
    /** The change was made. */
    APPLIED,
    /** The estate already held it (a re-run, or someone else made it): nothing was written. */
    ALREADY_IN_PLACE,
    /** A dry run: the change would be made. */
    WOULD_APPLY,
    /** The cloud refused it, or it did not complete before the deadline; {@link #error()} says why. */
    FAILED,
    /** Not attempted because a change it depends on failed or was skipped. */
    SKIPPED
  }

  private final String changeId;
  private final ChangeKind kind;
  private final Status status;
  private final String message;
  private final String errorCode;
  private final Map<String, String> outputs;

  ChangeResult(String changeId, ChangeKind kind, Status status, String message, String errorCode,
      Map<String, String> outputs) {
    this.changeId = Objects.requireNonNull(changeId, "changeId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = Objects.requireNonNull(status, "status");
    this.message = Objects.requireNonNull(message, "message");
    this.errorCode = errorCode;
    this.outputs = Map.copyOf(outputs);
  }

  /** The change's id in the plan. */
  public String changeId() {
    return changeId;
  }

  /** The change's kind. */
  public ChangeKind kind() {
    return kind;
  }

  /** The outcome. */
  public Status status() {
    return status;
  }

  /** One sentence: what was done, found, or went wrong (the cloud's error for {@link Status#FAILED}). */
  public String message() {
    return message;
  }

  /** The cloud's error code when it refused the change, e.g. {@code Forbidden.SourceVSwitchId.Duplicated}. */
  public Optional<String> error() {
    return Optional.ofNullable(errorCode);
  }

  /** What the change created, e.g. {@code natGatewayId}; references of later changes resolve to these. */
  public Map<String, String> outputs() {
    return outputs;
  }

  /** True for {@link Status#APPLIED}, {@link Status#ALREADY_IN_PLACE} and {@link Status#WOULD_APPLY}. */
  public boolean ok() {
    return status == Status.APPLIED || status == Status.ALREADY_IN_PLACE || status == Status.WOULD_APPLY;
  }

  @Override
  public String toString() {
    return changeId + " " + status + ": " + message;
  }
}
