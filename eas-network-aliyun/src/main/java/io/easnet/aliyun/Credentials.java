package io.easnet.aliyun;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An Alibaba Cloud access key: its id and secret, and for temporary (STS) credentials the security token and the
 * expiry. {@link #toString()} shows the id only partly and never the secret or the token.
 *
 * <pre>{@code
 * Credentials longTerm = Credentials.of("LTAI...", secret);
 * Credentials sts = Credentials.builder()
 *     .accessKeyId("STS.N...").accessKeySecret(secret).securityToken(token)
 *     .expiration(Instant.parse("2026-12-01T12:00:00Z"))
 *     .build();
 * }</pre>
 */
public final class Credentials {
  private final String accessKeyId;
  private final String accessKeySecret;
  private final String securityToken;
  private final Instant expiration;

  private Credentials(Builder b) {
    this.accessKeyId = b.accessKeyId;
    this.accessKeySecret = b.accessKeySecret;
    this.securityToken = b.securityToken;
    this.expiration = b.expiration;
  }

  /** Long-term credentials of a RAM user or of the account: an access key id and secret, no token, no expiry. */
  public static Credentials of(String accessKeyId, String accessKeySecret) {
    return builder().accessKeyId(accessKeyId).accessKeySecret(accessKeySecret).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The access key id, for example {@code LTAI5t...} or, for STS credentials, {@code STS.N...}. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The access key secret. Keep it out of logs: nothing in this library prints it. */
  public String accessKeySecret() {
    return accessKeySecret;
  }

  /** The STS security token of temporary credentials; empty for long-term access keys. */
  public Optional<String> securityToken() {
    return Optional.ofNullable(securityToken);
  }

  /** When temporary credentials expire; empty when they do not (or when the source did not say). */
  public Optional<Instant> expiration() {
    return Optional.ofNullable(expiration);
  }

  /** The access key id with its middle hidden ({@code LTAI****1234}), for messages and logs. */
  public String maskedAccessKeyId() {
    return mask(accessKeyId);
  }

  static String mask(String id) {
    if (id.length() <= 8) {
      return "****";
    }
    return id.substring(0, 4) + "****" + id.substring(id.length() - 4);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Credentials)) {
      return false;
    }
    Credentials c = (Credentials) o;
    return accessKeyId.equals(c.accessKeyId) && accessKeySecret.equals(c.accessKeySecret)
        && Objects.equals(securityToken, c.securityToken) && Objects.equals(expiration, c.expiration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessKeyId, accessKeySecret, securityToken, expiration);
  }

  @Override
  public String toString() {
    return "Credentials{accessKeyId=" + maskedAccessKeyId() + ", accessKeySecret=<redacted>"
        + (securityToken == null ? "" : ", securityToken=<redacted>")
        + (expiration == null ? "" : ", expiration=" + expiration) + "}";
  }

  /**
   * Builds {@link Credentials}; each setter checks its value (not blank, printable ASCII without spaces: a message
   * names the field and the position of a bad character, never the value), {@link #build()} checks that the id and
   * secret are present.
   */
  public static final class Builder {
    private String accessKeyId;
    private String accessKeySecret;
    private String securityToken;
    private Instant expiration;

    private Builder() {}

    public Builder accessKeyId(String accessKeyId) {
      this.accessKeyId = requireText(accessKeyId, "accessKeyId");
      return this;
    }

    public Builder accessKeySecret(String accessKeySecret) {
      this.accessKeySecret = requireText(accessKeySecret, "accessKeySecret");
      return this;
    }

    /** The STS security token; makes these temporary credentials. */
    public Builder securityToken(String securityToken) {
      this.securityToken = requireText(securityToken, "securityToken");
      return this;
    }

    public Builder expiration(Instant expiration) {
      this.expiration = Objects.requireNonNull(expiration, "expiration must not be null");
      return this;
    }

    public Credentials build() {
      if (accessKeyId == null) {
        throw new IllegalStateException("accessKeyId must be set");
      }
      if (accessKeySecret == null) {
        throw new IllegalStateException("accessKeySecret must be set");
      }
      return new Credentials(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be null or blank");
      }
      if (!value.equals(value.strip())) {
        throw new IllegalArgumentException(name + " must not start or end with white space (a copy-paste slip?)");
      }
      io.easnet.aliyun.internal.HeaderValues.check(value, name);
      return value;
    }
  }
}
