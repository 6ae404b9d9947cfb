package io.easnet.aliyun;

/**
 * Supplies the {@link Credentials} that sign each request. The adapter calls {@link #credentials()} before every
 * request, so a provider of temporary credentials can refresh them; implementations must be thread safe and should
 * cache (the providers of {@link CredentialsProviders} do).
 *
 * <p>A provider that cannot supply credentials throws {@link io.easnet.core.EasNetworkException} with a message
 * that says what it looked at and how to fix it, and never contains a secret.
 */
@FunctionalInterface
public interface CredentialsProvider {
  /** The current credentials; never null. */
  Credentials credentials();

  /** A short name for diagnostics, for example {@code "environment variables"}. */
  default String description() {
    return getClass().getSimpleName();
  }
}
