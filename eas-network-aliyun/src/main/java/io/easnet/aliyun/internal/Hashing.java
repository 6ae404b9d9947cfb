package io.easnet.aliyun.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 as lower-case hex, the two primitives of the V3 signature. Each thread keeps one
 * {@link MessageDigest} and one {@link Mac} (with the key it was last initialised with): looking up the providers
 * and initialising the key were a fifth of the signing time per request (BENCHMARKS.md, budget 5).
 */
public final class Hashing {
  /** SHA-256 of no bytes. */
  public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  });

  private static final ThreadLocal<KeyedMac> HMAC = new ThreadLocal<>();

  /** A thread's HMAC-SHA256 and the key it holds (compared by value, never shown). */
  private static final class KeyedMac {
    final String key;
    final Mac mac;

    KeyedMac(String key, Mac mac) {
      this.key = key;
      this.mac = mac;
    }

    @Override
    public String toString() {
      return "KeyedMac{HmacSHA256}";
    }
  }

  private Hashing() {}

  public static String sha256Hex(byte[] data) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return hex(digest.digest(data));
  }

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hmacSha256Hex(String key, String text) {
    KeyedMac keyed = HMAC.get();
    if (keyed == null || !keyed.key.equals(key)) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        keyed = new KeyedMac(key, mac);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JVM has no HmacSHA256", e);
      }
      HMAC.set(keyed);
    }
    // doFinal leaves the Mac reset, initialised with the same key
    return hex(keyed.mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
