package io.easnet.core.rules.internal;

import java.util.Locale;
import java.util.Optional;

/** Environment names (dev, test, staging, prod) in resource names and tags. */
final class Names {
  private Names() {}

  /**
   * The environment a name or tag value denotes: prod, staging, test or dev, from
   * a whole token of the name ({@code recsys-prod}, {@code dev_ranker}).
   */
  static Optional<String> environment(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      switch (token) {
        case "prod", "production", "prd", "live" -> {
          return Optional.of("prod");
        }
        case "staging", "stage", "stg", "preprod", "pre" -> {
          return Optional.of("staging");
        }
        case "test", "testing", "qa", "uat" -> {
          return Optional.of("test");
        }
        case "dev", "develop", "development", "sandbox" -> {
          return Optional.of("dev");
        }
        default -> {
          // not an environment word
        }
      }
    }
    return Optional.empty();
  }
}
