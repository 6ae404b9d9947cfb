package io.easnet.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code storage}: an OSS path or an NFS server mounted into the containers. */
@Value.Immutable
public abstract class StorageMount {
  StorageMount() {}

  public abstract Optional<String> mountPath();

  /** {@code oss.path}, e.g. {@code oss://bucket/models/}. */
  public abstract Optional<String> ossPath();

  /** {@code oss.endpoint} when given, e.g. {@code oss-cn-hangzhou-internal.aliyuncs.com}. */
  public abstract Optional<String> ossEndpoint();

  /** {@code nfs.server}, e.g. a NAS mount target {@code 0c9a....cn-hangzhou.nas.aliyuncs.com}. */
  public abstract Optional<String> nfsServer();

  public abstract Optional<String> nfsPath();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StorageMount}. */
  public static final class Builder extends ImmutableStorageMount.Builder {
    Builder() {}
  }
}
