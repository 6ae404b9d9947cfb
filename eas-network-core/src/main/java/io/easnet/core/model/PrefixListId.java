package io.easnet.core.model;

import java.util.List;

/** A prefix list id, {@code pl-…}, as used as a security-group rule peer. */
public final class PrefixListId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("pl-");

  private PrefixListId(String value) {
    super(value, "prefix list", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static PrefixListId of(String value) {
    return new PrefixListId(value);
  }
}
