package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.util.Optional;

/**
 * Environment variables {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET} and optional
 * {@code ALIBABA_CLOUD_SECURITY_TOKEN} (then the credentials are STS credentials).
 */
final class EnvironmentCredentialsProvider implements CredentialsProvider {
  static final String ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
  static final String SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
  static final String TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
  private final Environment environment;

  EnvironmentCredentialsProvider(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Credentials credentials() {
    Optional<String> id = environment.variable(ID);
    Optional<String> secret = environment.variable(SECRET);
    if (id.isEmpty() && secret.isEmpty()) {
      throw new CredentialsUnavailableException(ID + " and " + SECRET + " are not set");
    }
    if (id.isEmpty()) {
      throw new CredentialsUnavailableException(SECRET + " is set but " + ID + " is not");
    }
    if (secret.isEmpty()) {
      throw new CredentialsUnavailableException(ID + " is set but " + SECRET + " is not");
    }
    return Sources.credentials(id.get(), secret.get(), environment.variable(TOKEN), null, "environment variables",
        new Sources.Names(ID, SECRET, TOKEN));
  }

  @Override
  public String description() {
    return "environment variables";
  }
}
