package io.easnet.core.model;

import java.util.List;

/** An ECS instance id, {@code i-…}. */
public final class EcsInstanceId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("i-");

  private EcsInstanceId(String value) {
    super(value, "ECS instance", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static EcsInstanceId of(String value) {
    return new EcsInstanceId(value);
  }
}
