package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.aliyun.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Acs3SignerTest {
  private static final Clock VECTOR_CLOCK = Clock.fixed(Instant.parse("2023-10-26T10:22:32Z"), ZoneOffset.UTC);
  private final Acs3Signer signer = new Acs3Signer(VECTOR_CLOCK, () -> "3156853299f313e23d1673dc12e1703d");

  private static Acs3Signer.Request runInstances() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
    query.put("RegionId", "cn-shanghai");
    return new Acs3Signer.Request("POST", "ecs.cn-shanghai.aliyuncs.com", "/", query, "RunInstances", "2014-05-26",
        null, new byte[0]);
  }

  @Test
  void officialVectorIsReproducedExactly() {
    Acs3Signer.Signed s = signer.sign(runInstances(), Credentials.of("YourAccessKeyId", "YourAccessKeySecret"));

    assertThat(s.canonicalRequest().text()).isEqualTo(CanonicalRequestTest.OFFICIAL_CANONICAL_REQUEST);
    assertThat(s.stringToSign())
        .isEqualTo("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
    assertThat(s.signature()).isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    assertThat(s.authorization()).isEqualTo("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;"
        + "x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
        + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    assertThat(s.headers()).containsEntry("x-acs-date", "2023-10-26T10:22:32Z")
        .containsEntry("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d")
        .containsEntry("x-acs-content-sha256", Hashing.EMPTY_SHA256)
        .containsEntry("x-acs-action", "RunInstances")
        .containsEntry("x-acs-version", "2014-05-26")
        .doesNotContainKey("x-acs-security-token");
  }

  @Test
  void stsCredentialsAddTheTokenAndKeyIdAndSignThem() {
    Credentials sts = Credentials.builder().accessKeyId("STS.id").accessKeySecret("secret")
        .securityToken("token-value").build();
    Acs3Signer.Signed s = signer.sign(runInstances(), sts);
    assertThat(s.headers()).containsEntry("x-acs-security-token", "token-value")
        .containsEntry("x-acs-accesskey-id", "STS.id");
    assertThat(s.canonicalRequest().signedHeaders()).contains("x-acs-accesskey-id").contains("x-acs-security-token");
    assertThat(s.toString()).doesNotContain("token-value").doesNotContain("secret");
  }

  @Test
  void roaJsonBodyIsHashedExactlyAndItsContentTypeSigned() {
    byte[] body = "{\"VSwitchId\":\"vsw-1\",\"SecurityGroupId\":\"sg-1\"}".getBytes(StandardCharsets.UTF_8);
    Acs3Signer.Request r = new Acs3Signer.Request("PUT", "pai-eas.cn-hangzhou.aliyuncs.com",
        CanonicalRequest.encodePath(java.util.List.of("api", "v2", "resources", "cn-hangzhou", "eas-r-1", "dlink")),
        Map.of(), "UpdateResourceDLink", "2021-07-01", "application/json; charset=utf-8", body);
    Acs3Signer.Signed s = signer.sign(r, Credentials.of("id", "secret"));
    assertThat(s.headers().get("x-acs-content-sha256")).isEqualTo(Hashing.sha256Hex(body));
    assertThat(s.canonicalRequest().canonicalUri()).isEqualTo("/api/v2/resources/cn-hangzhou/eas-r-1/dlink");
    assertThat(s.canonicalRequest().signedHeaders()).startsWith("content-type;host;");
    // the signature is HMAC-SHA256 with the raw secret (no trailing "&")
    assertThat(s.signature()).isEqualTo(Hashing.hmacSha256Hex("secret", s.stringToSign()));
  }

  @Test
  void eachSignatureTakesTheNextNonceOfItsOwnSource() {
    java.util.Iterator<String> nonces = java.util.List.of("n1", "n2").iterator();
    Acs3Signer own = new Acs3Signer(VECTOR_CLOCK, nonces::next);
    Credentials c = Credentials.of("id", "secret");
    assertThat(own.sign(runInstances(), c).headers().get("x-acs-signature-nonce")).isEqualTo("n1");
    assertThat(own.sign(runInstances(), c).headers().get("x-acs-signature-nonce")).isEqualTo("n2");
  }

  @Test
  void systemSignerUsesDistinctRandomNonces() {
    Acs3Signer system = Acs3Signer.system();
    Credentials c = Credentials.of("id", "secret");
    String a = system.sign(runInstances(), c).headers().get("x-acs-signature-nonce");
    String b = system.sign(runInstances(), c).headers().get("x-acs-signature-nonce");
    assertThat(a).matches("[0-9a-f]{32}").isNotEqualTo(b);
  }
}
