package io.easnet.testkit;

import java.util.SplittableRandom;

/** Deterministic resource ids: the same seed gives the same sequence of ids. */
final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private final SplittableRandom random;

  Ids(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next id with this prefix, e.g. {@code vpc-bp1k3…} (the prefix, "bp1" and 17 random characters). */
  synchronized String next(String prefix) {
    StringBuilder sb = new StringBuilder(prefix).append("bp1");
    for (int i = 0; i < 17; i++) {
      sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /** The next public address under {@code prefix} (e.g. {@code "47."}), from the same seeded sequence. */
  synchronized String address(String prefix) {
    return prefix + (96 + random.nextInt(32)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }
}
