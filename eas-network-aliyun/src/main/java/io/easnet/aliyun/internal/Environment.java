package io.easnet.aliyun.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where credentials providers read environment variables, system properties and the home directory, so tests never
 * touch the real ones. Empty values count as unset (as in credentials-java).
 */
public interface Environment {
  /** An environment variable, empty when unset or empty. */
  Optional<String> variable(String name);

  /** A Java system property, empty when unset or empty. */
  Optional<String> property(String name);

  /** The user's home directory ({@code user.home}). */
  Path homeDirectory();

  /** True when the variable is set to {@code true} (any case), as credentials-java's {@code Boolean.parseBoolean}. */
  default boolean flag(String name) {
    return variable(name).map(Boolean::parseBoolean).orElse(false);
  }

  /** The process environment and system properties. */
  static Environment system() {
    return new Environment() {
      @Override
      public Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
      }

      @Override
      public Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isEmpty());
      }

      @Override
      public Path homeDirectory() {
        return Path.of(System.getProperty("user.home"));
      }
    };
  }
}
