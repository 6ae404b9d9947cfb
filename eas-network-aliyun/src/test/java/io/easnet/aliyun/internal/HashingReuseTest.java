package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.aliyun.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The per-thread digest and HMAC of {@link Hashing} and the once-a-second date of {@link Acs3Signer} (budget 5,
 * BENCHMARKS.md) give what fresh instances give: keys alternating on one thread, several threads at once, a clock
 * that moves.
 */
class HashingReuseTest {
  private static String fresh(String key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Hashing.hex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String freshSha(String text) throws Exception {
    return Hashing.hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void alternatingKeysAndTextsOnOneThreadAndOnSeveralGiveTheFreshResults() throws Exception {
    SplittableRandom r = new SplittableRandom(5);
    List<String> keys = List.of("secret-a", "secret-b", "k", "ключ");
    for (int i = 0; i < 500; i++) {
      String key = keys.get(r.nextInt(keys.size()));
      String text = "text-" + r.nextInt(1000);
      assertThat(Hashing.hmacSha256Hex(key, text)).isEqualTo(fresh(key, text));
      assertThat(Hashing.sha256Hex(text)).isEqualTo(freshSha(text));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> all = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        all.add(pool.submit(() -> {
          SplittableRandom tr = new SplittableRandom(seed);
          for (int i = 0; i < 300; i++) {
            String key = keys.get(tr.nextInt(keys.size()));
            String text = "t" + tr.nextInt();
            if (!Hashing.hmacSha256Hex(key, text).equals(fresh(key, text))
                || !Hashing.sha256Hex(text).equals(freshSha(text))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : all) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDateHeaderFollowsTheClockSecondBySecond() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00.100Z"));
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    Acs3Signer signer = new Acs3Signer(clock, () -> "nonce");
    Acs3Signer.Request request = new Acs3Signer.Request("POST", "vpc.aliyuncs.com", "/", Map.of(), "DescribeVpcs",
        "2016-04-28", null, new byte[0]);
    Credentials c = Credentials.of("LTAI5tDate", "date-secret");
    assertThat(signer.sign(request, c).headers()).containsEntry("x-acs-date", "2026-12-05T10:00:00Z");
    now.set(Instant.parse("2026-12-05T10:00:00.900Z"));
    assertThat(signer.sign(request, c).headers()).containsEntry("x-acs-date", "2026-12-05T10:00:00Z");
    now.set(Instant.parse("2026-12-05T10:00:01.000Z"));
    assertThat(signer.sign(request, c).headers()).containsEntry("x-acs-date", "2026-12-05T10:00:01Z");
    now.set(Instant.parse("2026-12-05T09:59:59.000Z")); // a clock set back
    assertThat(signer.sign(request, c).headers()).containsEntry("x-acs-date", "2026-12-05T09:59:59Z");
  }
}
