package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.util.Objects;

/** Always the same credentials. */
public final class StaticCredentialsProvider implements CredentialsProvider {
  private final Credentials credentials;
  private final String description;

  public StaticCredentialsProvider(Credentials credentials, String description) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.description = Objects.requireNonNull(description, "description");
  }

  @Override
  public Credentials credentials() {
    return credentials;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "StaticCredentialsProvider{" + description + ", " + credentials + "}";
  }
}
