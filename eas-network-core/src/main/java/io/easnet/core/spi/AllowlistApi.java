package io.easnet.core.spi;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;

/**
 * A product whose instances are guarded by IP allowlists (RDS, Redis). Entries are changed only with the
 * {@code Append} and {@code Delete} modes, never {@code Cover}, so entries written by others survive.
 *
 * @param <I> the instance id type
 * @param <T> the instance type
 */
public interface AllowlistApi<I extends ResourceId, T extends AllowlistTarget> {
  /** The instances in a VPC, with their allowlists. */
  List<T> describeInstances(VpcId vpc);

  /**
   * One instance with its allowlist groups and bound security groups.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  T describeInstance(I id);

  /**
   * The allowlist groups of an instance.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the instance does not exist
   */
  List<AllowlistGroup> describeAllowlists(I id);

  /**
   * Appends entries to a group, creating the group when it is absent; entries already present are skipped.
   *
   * @throws io.easnet.core.CloudServiceException {@code QUOTA_EXCEEDED} when the instance would hold more than
   *     1,000 entries, {@code INVALID_PARAMETER} for an empty entry list, {@code NOT_FOUND} for an unknown instance
   */
  void appendAllowlistEntries(I id, String group, List<Cidr> entries);

  /**
   * Deletes entries from a group; entries that are absent are ignored.
   *
   * @throws io.easnet.core.CloudServiceException {@code INVALID_PARAMETER} when the group would be left empty (a
   *     group keeps at least one entry), {@code NOT_FOUND} for an unknown instance or group
   */
  void deleteAllowlistEntries(I id, String group, List<Cidr> entries);
}
