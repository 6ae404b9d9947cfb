package io.easnet.core.json;

import io.easnet.core.model.Inventory;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A versioned snapshot of an estate: the {@link Inventory} (VPCs, vSwitches, security groups with rules, NAT
 * gateways, SNAT entries, EIPs, route tables, ECS, RDS and Redis instances with their allowlists, resource groups)
 * and the services, each kept as a lossless {@link ServiceDocument}. Read and write it with {@link SnapshotJson}.
 *
 * <pre>{@code
 * Snapshot s = Snapshot.builder().inventory(inventory).addService(ServiceDocument.read(path)).build();
 * }</pre>
 */
@Value.Immutable
public abstract class Snapshot {
  /** The schema version this library reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  Snapshot() {}

  /** The layout version of the JSON file; always {@value #SCHEMA_VERSION} for now. */
  @Value.Default
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * The {@code "$schema"} key of the file (the schema URL or path editors validate against), kept so that writing
   * the snapshot back does not drop it.
   */
  public abstract Optional<String> schema();

  /** The network facts; empty by default. */
  @Value.Default
  public Inventory inventory() {
    return Inventory.empty();
  }

  /**
   * Where each JSON pointer of the file this snapshot was parsed from sits; none for a snapshot built in code or
   * loaded from the cloud. Not part of equality.
   */
  @Value.Default
  @Value.Auxiliary
  public SourcePositions positions() {
    return SourcePositions.none();
  }

  /** The service JSON documents, in file order. */
  public abstract List<ServiceDocument> services();

  /** The first service named {@code name}. */
  public final Optional<ServiceDocument> service(String name) {
    return services().stream().filter(s -> s.spec().name().equals(name)).findFirst();
  }

  @Value.Check
  final void check() {
    if (schemaVersion() != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "snapshot schemaVersion " + schemaVersion() + " is not supported; this library uses " + SCHEMA_VERSION);
    }
  }

  /** A builder with schema version 1 and an empty inventory. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised from this snapshot. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link Snapshot}. */
  public static final class Builder extends ImmutableSnapshot.Builder {
    Builder() {}

    /** Sets the inventory from a builder. */
    public Builder inventory(Inventory.Builder inventory) {
      return inventory(inventory.build());
    }
  }
}
