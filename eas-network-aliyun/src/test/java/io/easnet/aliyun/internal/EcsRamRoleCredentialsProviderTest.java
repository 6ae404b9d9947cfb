package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.Credentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcsRamRoleCredentialsProviderTest {
  @StartStop public final MockWebServer metadata = new MockWebServer();
  @TempDir Path home;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  private CredentialsContext context() {
    return new CredentialsContext(new FakeEnvironment(home), new OkHttpClient(), clock, () -> "n", m -> { },
        URI.create("http://" + "127.0.0.1" + ":" + metadata.getPort()), null, Duration.ofMinutes(15));
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    for (int i = metadata.getRequestCount(); i > 0; i--) {
      out.add(metadata.takeRequest(5, TimeUnit.SECONDS));
    }
    return out;
  }

  @Test
  void discoversTheRoleAndReadsWithTheSessionToken() throws Exception {
    metadata.setDispatcher(new EcsMetadataDispatcher("EasRole", true));
    Credentials c = new EcsRamRoleCredentialsProvider(context(), null, false).credentials();
    assertThat(c.accessKeyId()).isEqualTo("STS.ecs");
    assertThat(c.securityToken()).contains("ecs-token");
    assertThat(c.expiration()).contains(Instant.parse("2026-12-01T16:00:00Z"));
    List<RecordedRequest> r = requests();
    assertThat(r).extracting(q -> q.getMethod() + " " + q.getUrl().encodedPath()).containsExactly(
        "PUT /latest/api/token",
        "GET /latest/meta-data/ram/security-credentials/",
        "GET /latest/meta-data/ram/security-credentials/EasRole");
    assertThat(r.get(1).getHeaders().get("X-aliyun-ecs-metadata-token")).isEqualTo("metadata-token");
    assertThat(r.get(2).getHeaders().get("X-aliyun-ecs-metadata-token")).isEqualTo("metadata-token");
  }

  @Test
  void withoutATokenItFallsBackToTheNormalMode() throws Exception {
    EcsMetadataDispatcher dispatcher = new EcsMetadataDispatcher("EasRole", false);
    dispatcher.tokenEndpointBroken = true;
    metadata.setDispatcher(dispatcher);
    assertThat(new EcsRamRoleCredentialsProvider(context(), "EasRole", false).credentials().accessKeyId())
        .isEqualTo("STS.ecs");
    assertThat(requests().get(1).getHeaders().get("X-aliyun-ecs-metadata-token")).isNull();
  }

  @Test
  void aReadRefusedWithTheTokenIsRepeatedWithoutIt() throws Exception {
    EcsMetadataDispatcher dispatcher = new EcsMetadataDispatcher("EasRole", false);
    dispatcher.readsWithTokenRefused = true;
    metadata.setDispatcher(dispatcher);
    assertThat(new EcsRamRoleCredentialsProvider(context(), "EasRole", false).credentials().accessKeyId())
        .isEqualTo("STS.ecs");
    List<RecordedRequest> r = requests();
    assertThat(r).hasSize(3);
    assertThat(r.get(1).getHeaders().get("X-aliyun-ecs-metadata-token")).isEqualTo("metadata-token");
    assertThat(r.get(2).getHeaders().get("X-aliyun-ecs-metadata-token")).isNull();
  }

  @Test
  void withImdsV1DisabledARefusedReadIsNotRepeated() {
    EcsMetadataDispatcher dispatcher = new EcsMetadataDispatcher("EasRole", false);
    dispatcher.readsWithTokenRefused = true;
    metadata.setDispatcher(dispatcher);
    assertThatThrownBy(() -> new EcsRamRoleCredentialsProvider(context(), "EasRole", true).credentials())
        .hasMessageContaining("the metadata service answered HTTP 401 for the credentials of RAM role EasRole");
    assertThat(metadata.getRequestCount()).isEqualTo(2);
  }

  @Test
  void imdsV1DisabledMakesTheTokenMandatory() {
    EcsMetadataDispatcher dispatcher = new EcsMetadataDispatcher("EasRole", false);
    dispatcher.tokenEndpointBroken = true;
    metadata.setDispatcher(dispatcher);
    assertThatThrownBy(() -> new EcsRamRoleCredentialsProvider(context(), "EasRole", true).credentials())
        .hasMessageContaining("no metadata token from " + "127.0.0.1" + " (HTTP 403) and "
            + "ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids reading without one");
  }

  @Test
  void aNonSuccessCodeIsAFailure() {
    metadata.enqueue(new MockResponse.Builder().code(200).body("t").build());
    metadata.enqueue(new MockResponse.Builder().code(200).body("{\"Code\":\"Failed\"}").build());
    assertThatThrownBy(() -> new EcsRamRoleCredentialsProvider(context(), "EasRole", false).credentials())
        .hasMessageContaining("the metadata service (RAM role EasRole) answered Code \"Failed\", not \"Success\"");
  }

  @Test
  void credentialsAreCachedUntilShortlyBeforeTheirExpiry() {
    metadata.setDispatcher(new EcsMetadataDispatcher("EasRole", true));
    EcsRamRoleCredentialsProvider p = new EcsRamRoleCredentialsProvider(context(), "EasRole", false);
    p.credentials();
    int afterFirst = metadata.getRequestCount();
    clock.advance(Duration.ofHours(5)); // expiry 16:00, now 15:00
    p.credentials();
    assertThat(metadata.getRequestCount()).isEqualTo(afterFirst);
    clock.advance(Duration.ofMinutes(45)); // 15:45
    p.credentials();
    assertThat(metadata.getRequestCount()).isEqualTo(2 * afterFirst);
  }
}
