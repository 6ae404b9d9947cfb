package io.easnet.core.model;

import java.util.List;

/** An ApsaraDB RDS instance id: {@code rm-…} (MySQL, SQL Server), {@code pgm-…} (PostgreSQL) or {@code mr-…} (MariaDB). */
public final class RdsInstanceId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("rm-", "pgm-", "mr-");

  private RdsInstanceId(String value) {
    super(value, "RDS instance", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static RdsInstanceId of(String value) {
    return new RdsInstanceId(value);
  }
}
