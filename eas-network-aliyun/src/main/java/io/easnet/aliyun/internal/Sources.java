package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Small helpers shared by the credentials providers. */
final class Sources {
  private Sources() {}

  /** How a source names its three values (variables, properties, keys of a file, fields of a JSON answer). */
  record Names(String id, String secret, String token) {
    /** The fields of the JSON answers of STS, the ECS metadata and a credentials URI. */
    static final Names JSON = new Names("AccessKeyId", "AccessKeySecret", "SecurityToken");
  }

  /** Credentials from a source's strings; a malformed value fails naming the source and the field, not the value. */
  static Credentials credentials(String id, String secret, Optional<String> token, Instant expiration, String source) {
    return credentials(id, secret, token, expiration, source, Names.JSON);
  }

  /**
   * Credentials from a source's strings; a malformed value (blank, padded, a character that is not printable ASCII)
   * fails naming the source, the value's name and the position, never the value.
   */
  static Credentials credentials(String id, String secret, Optional<String> token, Instant expiration, String source,
      Names names) {
    try {
      check(id, names.id());
      check(secret, names.secret());
      token.ifPresent(t -> check(t, names.token()));
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

  private static void check(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    HeaderValues.check(value, name);
  }

  /** An STS / metadata {@code Expiration} such as {@code 2026-12-01T12:00:00Z}. */
  static Instant expiration(String text, String source) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new CredentialsUnavailableException(source + " returned an Expiration that is not an ISO 8601 UTC time: \""
          + ErrorResponses.truncate(text == null ? "null" : text.replaceAll("[^\\p{Alnum}:.+-]", "?"), 40) + "\"");
    }
  }
}
