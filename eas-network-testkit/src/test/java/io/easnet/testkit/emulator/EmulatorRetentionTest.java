package io.easnet.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.testkit.internal.wire.EmulatorLog;
import java.io.IOException;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The emulator's memory stays bounded under a stream of large requests. A body over the limit is
 * answered 413 {@code RequestBodyTooLarge} in Alibaba's error JSON; the server's copies of answered requests are
 * dropped; the log keeps a bounded tail (EmulatorLogTest). Measured by the emulator's own accounting ({@link Emulator#retention()}).
 */
class EmulatorRetentionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final int LIMIT = 256 * 1024;

  @Test
  void manyLargeRequestsLeaveNothingHeldAndTheOversizedAreRefusedWithAlibabasError() throws IOException {
    OkHttpClient http = new OkHttpClient();
    byte[] large = new byte[LIMIT * 4]; // 1 MiB, four times the limit
    Arrays.fill(large, (byte) 'a');
    byte[] small = new byte[LIMIT / 2];
    Arrays.fill(small, (byte) 'b');
    try (Emulator emulator = Emulator.builder().accessKey("LTAI-retention", "retention-secret").maxBodyBytes(LIMIT)
        .build().start()) {
      int rounds = 80;
      for (int i = 0; i < rounds; i++) {
        boolean over = i % 2 == 0;
        Request post = new Request.Builder().url(emulator.url() + "/?Action=DescribeVpcs&Version=2016-04-28")
            .post(RequestBody.create(over ? large : small, FORM)).build();
        try (Response r = http.newCall(post).execute()) {
          JsonNode body = JSON.readTree(r.body().bytes());
          if (over) {
            assertThat(r.code()).isEqualTo(413);
            assertThat(body.path("Code").asText()).isEqualTo("RequestBodyTooLarge");
            assertThat(body.path("Message").asText()).contains(Integer.toString(LIMIT));
            assertThat(body.path("RequestId").asText()).isNotBlank();
          } else {
            // an unsigned request under the limit reaches the signature check, as before
            assertThat(r.code()).isBetween(400, 499);
            assertThat(body.path("Code").asText()).isNotEqualTo("RequestBodyTooLarge");
          }
        }
        Emulator.Retention held = emulator.retention();
        assertThat(held.requestsHeld()).as("round %d", i).isZero();
        assertThat(held.bodyBytesHeldAtMost()).isLessThanOrEqualTo(LIMIT + 1L);
      }
      Emulator.Retention held = emulator.retention();
      assertThat(held.requestsServed()).isEqualTo(rounds);
      assertThat(held.requestsHeld()).isZero();
      assertThat(emulator.log()).hasSizeLessThanOrEqualTo(EmulatorLog.KEPT);
      assertThat(held.logLinesKept()).isLessThanOrEqualTo(2 * EmulatorLog.KEPT);
    }
  }
}
