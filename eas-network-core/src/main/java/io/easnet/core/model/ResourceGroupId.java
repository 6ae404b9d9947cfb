package io.easnet.core.model;

import java.util.List;

/** A dedicated EAS resource group id, {@code eas-r-…}. */
public final class ResourceGroupId extends ResourceId {
  /** The accepted prefixes. */
  public static final List<String> PREFIXES = List.of("eas-r-");

  private ResourceGroupId(String value) {
    super(value, "EAS resource group", PREFIXES);
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException when the prefix or the characters are wrong
   */
  public static ResourceGroupId of(String value) {
    return new ResourceGroupId(value);
  }
}
