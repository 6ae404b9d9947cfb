package io.easnet.core.model;

import java.util.List;

/** A SNAT table id, {@code stb-…}. */
public final class SnatTableId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("stb-");

  private SnatTableId(String value) {
    super(value, "SNAT table", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static SnatTableId of(String value) {
    return new SnatTableId(value);
  }
}
