package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * OIDC role (ACK RRSA): reads the OIDC token file on every refresh (the kubelet rotates it) and exchanges it for
 * temporary credentials with STS {@code AssumeRoleWithOIDC}. Cached and refreshed before expiry.
 */
final class OidcRoleCredentialsProvider implements CredentialsProvider {
  private final String roleArn;
  private final String providerArn;
  private final Path tokenFile;
  private final String sessionName;
  private final int durationSeconds;
  private final String policy;
  private final StsClient sts;
  private final RefreshingCredentialsProvider cache;
  private final String description;

  OidcRoleCredentialsProvider(CredentialsContext context, String description, String roleArn, String providerArn,
      Path tokenFile, String sessionName, int durationSeconds, String policy, StsClient sts) {
    if (durationSeconds < 900) {
      throw new CredentialsUnavailableException(description + ": the session duration must be at least 900 seconds, "
          + "was " + durationSeconds);
    }
    this.description = description;
    this.roleArn = roleArn;
    this.providerArn = providerArn;
    this.tokenFile = tokenFile;
    this.sessionName = sessionName;
    this.durationSeconds = durationSeconds;
    this.policy = policy;
    this.sts = sts;
    this.cache = context.refreshing(description, this::fetch);
  }

  @Override
  public Credentials credentials() {
    return cache.credentials();
  }

  @Override
  public String description() {
    return description;
  }

  private Credentials fetch() {
    String token;
    try {
      token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new CredentialsUnavailableException("cannot read the OIDC token file " + tokenFile + " ("
          + e.getClass().getSimpleName() + "). Fix: check ALIBABA_CLOUD_OIDC_TOKEN_FILE and the pod's RRSA volume", e);
    }
    if (token.isEmpty()) {
      throw new CredentialsUnavailableException("the OIDC token file " + tokenFile + " is empty");
    }
    return sts.assumeRoleWithOidc(roleArn, providerArn, token, sessionName, durationSeconds, policy);
  }
}
