package io.easnet.core.plan;

import java.util.List;
import java.util.Optional;

/** What the {@link Applier} did with a plan: one {@link ChangeResult} per change, in plan order. */
public final class ApplyResult {
  private final boolean dryRun;
  private final List<ChangeResult> results;

  ApplyResult(boolean dryRun, List<ChangeResult> results) {
    this.dryRun = dryRun;
    this.results = List.copyOf(results);
  }

  /** True for a dry run: nothing was written. */
  public boolean dryRun() {
    return dryRun;
  }

  /** One result per change, in plan order. */
  public List<ChangeResult> results() {
    return results;
  }

  /** The result of one change. */
  public Optional<ChangeResult> result(String changeId) {
    return results.stream().filter(r -> r.changeId().equals(changeId)).findFirst();
  }

  /** True when no change failed or was skipped. */
  public boolean succeeded() {
    return results.stream().allMatch(ChangeResult::ok);
  }

  /** How many changes ended with {@code status}. */
  public long count(ChangeResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  @Override
  public String toString() {
    return (dryRun ? "dry run: " : "") + results.size() + " changes, " + count(ChangeResult.Status.APPLIED)
        + " applied, " + count(ChangeResult.Status.ALREADY_IN_PLACE) + " already in place, "
        + count(ChangeResult.Status.FAILED) + " failed, " + count(ChangeResult.Status.SKIPPED) + " skipped";
  }
}
