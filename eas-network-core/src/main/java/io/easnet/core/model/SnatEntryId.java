package io.easnet.core.model;

import java.util.List;

/** A SNAT entry id, {@code snat-…}. */
public final class SnatEntryId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("snat-");

  private SnatEntryId(String value) {
    super(value, "SNAT entry", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static SnatEntryId of(String value) {
    return new SnatEntryId(value);
  }
}
