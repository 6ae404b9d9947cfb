package io.easnet.core.spi;

/** How {@link EasApi#updateService} combines the new JSON with the service's current configuration. */
public enum UpdateType {
  /**
   * Deep merge: objects are merged key by key, recursively; any other value (arrays included) in the new JSON
   * replaces the old one. {@code {"a":"b"}} updated with {@code {"c":"d"}} becomes {@code {"a":"b","c":"d"}}.
   */
  MERGE,
  /** The new JSON replaces the configuration as a whole. */
  REPLACE;

  /** The API's spelling: {@code merge} or {@code replace}. */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
