package io.easnet.aliyun.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An {@link Environment} of maps and a temporary home directory, so tests never read the real ones. */
final class FakeEnvironment implements Environment {
  final Map<String, String> variables = new HashMap<>();
  final Map<String, String> properties = new HashMap<>();
  private final Path home;

  FakeEnvironment(Path home) {
    this.home = home;
  }

  FakeEnvironment variable(String name, String value) {
    variables.put(name, value);
    return this;
  }

  FakeEnvironment property(String name, String value) {
    properties.put(name, value);
    return this;
  }

  @Override
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
  }

  @Override
  public Optional<String> property(String name) {
    return Optional.ofNullable(properties.get(name)).filter(v -> !v.isEmpty());
  }

  @Override
  public Path homeDirectory() {
    return home;
  }
}
