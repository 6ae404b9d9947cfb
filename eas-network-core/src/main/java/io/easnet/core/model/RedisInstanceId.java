package io.easnet.core.model;

import java.util.List;

/** A Tair (Redis OSS-compatible) instance id, {@code r-…}. */
public final class RedisInstanceId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("r-");

  private RedisInstanceId(String value) {
    super(value, "Redis instance", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static RedisInstanceId of(String value) {
    return new RedisInstanceId(value);
  }
}
