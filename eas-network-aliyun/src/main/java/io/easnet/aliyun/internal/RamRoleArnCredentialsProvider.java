package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;

/**
 * Assumes a RAM role with STS {@code AssumeRole}, signed with the source credentials (an access key, or the
 * credentials of another profile for the CLI's {@code ChainableRamRoleArn}). Cached and refreshed before expiry.
 */
final class RamRoleArnCredentialsProvider implements CredentialsProvider {
  private final CredentialsProvider source;
  private final String roleArn;
  private final String sessionName;
  private final int durationSeconds;
  private final String policy;
  private final String externalId;
  private final StsClient sts;
  private final RefreshingCredentialsProvider cache;
  private final String description;

  RamRoleArnCredentialsProvider(CredentialsContext context, String description, CredentialsProvider source,
      String roleArn, String sessionName, int durationSeconds, String policy, String externalId, StsClient sts) {
    if (roleArn == null || roleArn.isBlank()) {
      throw new CredentialsUnavailableException(description + ": the role ARN is missing");
    }
    if (durationSeconds < 900) {
      throw new CredentialsUnavailableException(description + ": the session duration must be at least 900 seconds, "
          + "was " + durationSeconds);
    }
    this.description = description;
    this.source = source;
    this.roleArn = roleArn;
    this.sessionName = sessionName;
    this.durationSeconds = durationSeconds;
    this.policy = policy;
    this.externalId = externalId;
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
    return sts.assumeRole(source.credentials(), roleArn, sessionName, durationSeconds, policy, externalId);
  }
}
