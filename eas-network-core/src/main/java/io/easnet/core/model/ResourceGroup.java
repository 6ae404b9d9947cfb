package io.easnet.core.model;

import io.easnet.core.model.ResourceId.ResourceGroupId;
import java.util.Optional;
import org.immutables.value.Value;

/** A dedicated EAS resource group, with its VPC direct connection when one is enabled. */
@Value.Immutable
public abstract class ResourceGroup {
  ResourceGroup() {}

  public abstract ResourceGroupId id();

  public abstract Optional<String> name();

  public abstract Optional<DLink> dlink();

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ResourceGroup}. */
  public static final class Builder extends ImmutableResourceGroup.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(ResourceGroupId.of(id));
    }

    public Builder dlink(DLink.Builder dlink) {
      return dlink(dlink.build());
    }
  }
}
