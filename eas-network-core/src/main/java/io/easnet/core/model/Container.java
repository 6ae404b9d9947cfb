package io.easnet.core.model;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One entry of {@code containers}: the image, how it starts and the port it serves on. */
@Value.Immutable
public abstract class Container {
  Container() {}

  public abstract Optional<String> image();

  public abstract Optional<String> script();

  public abstract Optional<String> command();

  public abstract OptionalInt port();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Container}. */
  public static final class Builder extends ImmutableContainer.Builder {
    Builder() {}
  }
}
