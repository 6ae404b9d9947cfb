package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded properties of the percent-encoding: only unreserved characters and %XY escapes, and it round-trips. */
class CanonicalRequestProperties {
  @Test
  void percentEncodingIsUnambiguousAndRoundTrips() {
    Random random = new Random(20261201L);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        int kind = random.nextInt(4);
        int cp = kind == 0 ? 0x20 + random.nextInt(0x5F) : kind == 1 ? 0xA0 + random.nextInt(0x700)
            : kind == 2 ? 0x4E00 + random.nextInt(0x5000) : 0x1F600 + random.nextInt(0x50);
        sb.appendCodePoint(cp);
      }
      String value = sb.toString();
      String encoded = CanonicalRequest.percentEncode(value);
      assertThat(encoded).matches("([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*");
      assertThat(decode(encoded)).as("round trip of %s", value).isEqualTo(value);
    }
  }

  private static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
