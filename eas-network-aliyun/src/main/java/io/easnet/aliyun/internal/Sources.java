package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Small helpers shared by the credentials providers. */
final class Sources {
  private Sources() {}

  /** Credentials from a source's strings; a malformed value fails naming the source and the field, not the value. */
  static Credentials credentials(String id, String secret, Optional<String> token, Instant expiration, String source) {
    try {
      Credentials.Builder b = Credentials.builder().accessKeyId(id).accessKeySecret(secret);
      token.ifPresent(b::securityToken);
      if (expiration != null) {
        b.expiration(expiration);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CredentialsUnavailableException(source + ": " + e.getMessage());
    }
  }

  /** An STS / metadata {@code Expiration} such as {@code 2026-12-01T12:00:00Z}. */
  static Instant expiration(String text, String source) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new CredentialsUnavailableException(source + " returned an Expiration that is not an ISO 8601 UTC time: \""
          + text + "\"");
    }
  }
}
