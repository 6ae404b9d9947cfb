package io.easnet.core.model;

import java.util.List;

/** A vSwitch id, {@code vsw-…}. */
public final class VSwitchId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("vsw-");

  private VSwitchId(String value) {
    super(value, "vSwitch", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static VSwitchId of(String value) {
    return new VSwitchId(value);
  }
}
