package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signatures over real HTTP: the official vectors of {@code docs/wire.md} §7 verify, and every tampering, stale
 * timestamp and replay is refused with Alibaba's code. Requests are signed by {@link TestSigner} or copied from the
 * reference, never by the verifier.
 */
class SignatureVerifierTest {
  private static final String V3_DATE = "2023-10-26T10:22:32Z";
  private static final String V3_SIGNATURE = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
  private static final String V3_NONCE = "3156853299f313e23d1673dc12e1703d";
  private static final String V1_DATE = "2016-02-23T12:46:24Z";
  private static final String V1_STRING_TO_SIGN = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26"
      + "Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26"
      + "SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse(V3_DATE));
  private final Clock clock = new Clock() {
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
  private final EmulatorLog log = new EmulatorLog(line -> { });
  private Wire wire;

  private Wire start(Duration window) throws IOException {
    EmulatorDispatcher.Builder b = EmulatorDispatcher.builder().accessKey(Wire.AK, Wire.SECRET)
        .accessKey("testid", "testsecret").clock(clock).log(log)
        .handler("ecs:DescribeSecurityGroups", call -> Reply.ok(Call.newBody().put("Signer", call.accessKeyId())));
    if (window != null) {
      b.timestampWindow(window);
    }
    wire = new Wire(b.build(), V3_DATE);
    return wire;
  }

  @AfterEach
  void stop() {
    if (wire != null) {
      wire.close();
    }
  }

  /** The official RunInstances request of §7.3, header for header. */
  private Request officialV3(String signature) {
    return new Request.Builder()
        .url(wire.base() + "/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai")
        .header("host", "ecs.cn-shanghai.aliyuncs.com")
        .header("x-acs-action", "RunInstances")
        .header("x-acs-version", "2014-05-26")
        .header("x-acs-date", V3_DATE)
        .header("x-acs-signature-nonce", V3_NONCE)
        .header("x-acs-content-sha256", SignatureVerifier.EMPTY_SHA256)
        .header("Authorization", "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
            + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=" + signature)
        .post(RequestBody.create(new byte[0], null))
        .build();
  }

  @Test
  void theOfficialV3VectorVerifiesAndThenRoutesToAnUnknownAction() throws IOException {
    start(null);
    Wire.Answer a = wire.send(officialV3(V3_SIGNATURE));
    // the signature passed: the refusal is about the action, which the emulator does not serve
    assertThat(a.code()).isEqualTo("InvalidAction.NotFound");
    assertThat(a.status()).isEqualTo(404);
    assertThat(log.nearMisses()).singleElement().satisfies(m -> assertThat(m.request()).contains("RunInstances"));
  }

  @Test
  void aTamperedV3SignatureIsRefusedWithTheServersStringToSign() throws IOException {
    start(null);
    Wire.Answer a = wire.send(officialV3(V3_SIGNATURE.replace('0', '1')));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(a.json().path("Message").asText()).isEqualTo("Specified signature is not matched with our calculation."
        + " server string to sign is:ACS3-HMAC-SHA256\n"
        + "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
    assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("x-acs-action:RunInstances"));
  }

  @Test
  void theOfficialV1VectorVerifiesWithGet() throws IOException {
    now.set(Instant.parse(V1_DATE));
    start(null);
    String url = wire.base() + "/?Timestamp=2016-02-23T12%3A46%3A24Z&Format=XML&AccessKeyId=testid"
        + "&Action=DescribeRegions&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
        + "&Version=2014-05-26&SignatureVersion=1.0&Signature=";
    Wire.Answer good = wire.send(new Request.Builder().url(url + "OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D")
        .header("Host", "ecs.aliyuncs.com").build());
    assertThat(good.code()).isEqualTo("InvalidAction.NotFound");

    Wire.Answer bad = wire.send(new Request.Builder().url(url + "CT9X0VtwR86fNWSnsc6v8YGOjuE%3D")
        .header("Host", "ecs.aliyuncs.com").build());
    assertThat(bad.code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(bad.json().path("Message").asText()).endsWith("server string to sign is:" + V1_STRING_TO_SIGN);
  }

  @Test
  void theV1VectorSignedForPostVerifiesAsAFormBody() throws IOException {
    now.set(Instant.parse(V1_DATE));
    start(null);
    String form = "Timestamp=2016-02-23T12%3A46%3A24Z&Format=XML&AccessKeyId=testid&Action=DescribeRegions"
        + "&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Version=2014-05-26"
        + "&SignatureVersion=1.0&Signature=MxbnVAM4w6sft9xjVpe%2FGCKueuk%3D";
    Wire.Answer a = wire.send(new Request.Builder().url(wire.base() + "/").header("Host", "ecs.aliyuncs.com")
        .post(RequestBody.create(form.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            okhttp3.MediaType.get("application/x-www-form-urlencoded")))
        .build());
    assertThat(a.code()).isEqualTo("InvalidAction.NotFound");
  }

  @Test
  void aV3RequestSignedByTheTestSignerReachesItsHandler() throws IOException {
    start(null);
    Wire.Answer a = wire.send(wire.rpcV3("ecs.cn-hangzhou.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "cn-hangzhou", "SecurityGroupName", "a b*c~d/é")));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().path("Signer").asText()).isEqualTo(Wire.AK);
  }

  @Test
  void aChangedQueryParameterBreaksTheV3Signature() throws IOException {
    start(null);
    Request signed = wire.rpcV3("ecs.cn-hangzhou.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "cn-hangzhou"));
    Request tampered = signed.newBuilder().url(signed.url().newBuilder().setQueryParameter("RegionId", "cn-beijing")
        .build()).build();
    assertThat(wire.send(tampered).code()).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void aBodyThatDoesNotMatchXAcsContentSha256IsRefused() throws IOException {
    start(null);
    byte[] body = "RegionId=cn-hangzhou".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Request signed = wire.v3("POST", "ecs.cn-hangzhou.aliyuncs.com", "/", Map.of(), "DescribeSecurityGroups",
        "2014-05-26", body, "application/x-www-form-urlencoded", Map.of());
    Request swapped = signed.newBuilder().post(RequestBody.create(
        "RegionId=cn-beijing".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        okhttp3.MediaType.get("application/x-www-form-urlencoded"))).build();
    Wire.Answer a = wire.send(swapped);
    assertThat(a.code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(a.json().path("Message").asText()).contains("x-acs-content-sha256").contains("19-byte body");
  }

  @Test
  void aSecurityTokenNeverReachesTheLog() throws IOException {
    start(null);
    Request r = wire.v3("POST", "ecs.aliyuncs.com", "/", Map.of("RegionId", "r"), "DescribeSecurityGroups",
        "2014-05-26", new byte[0], null, Map.of("x-acs-security-token", "CAIS-sts-token-value"));
    Request forged = r.newBuilder().header("Authorization", r.header("Authorization").replace("Signature=",
        "Signature=0")).build();
    assertThat(wire.send(forged).code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("x-acs-security-token:<redacted>"));
    assertThat(String.join("\n", log.lines())).doesNotContain("CAIS-sts-token-value");
  }

  @Test
  void anUnknownAccessKeyIsRefused() throws IOException {
    start(null);
    Request r = wire.rpcV3("ecs.cn-hangzhou.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "cn-hangzhou"));
    String other = r.header("Authorization").replace("Credential=" + Wire.AK, "Credential=LTAIsomeoneElse");
    Wire.Answer a = wire.send(r.newBuilder().header("Authorization", other).build());
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("InvalidAccessKeyId.NotFound");
    assertThat(a.body()).doesNotContain(Wire.SECRET);
  }

  @Test
  void aStaleOrFutureDateIsRefusedAndTheWindowIsConfigurable() throws IOException {
    start(Duration.ofMinutes(5));
    now.set(Instant.parse(V3_DATE).plus(Duration.ofMinutes(5)));
    assertThat(wire.send(group()).status()).isEqualTo(200);
    now.set(Instant.parse(V3_DATE).plus(Duration.ofMinutes(5).plusSeconds(1)));
    Wire.Answer stale = wire.send(group());
    assertThat(stale.code()).isEqualTo("InvalidTimeStamp.Expired");
    assertThat(stale.status()).isEqualTo(400);
    now.set(Instant.parse(V3_DATE).minus(Duration.ofMinutes(6)));
    assertThat(wire.send(group()).code()).isEqualTo("InvalidTimeStamp.Expired");
  }

  @Test
  void theDefaultWindowIsFifteenMinutes() throws IOException {
    start(null);
    now.set(Instant.parse(V3_DATE).plus(Duration.ofMinutes(15)));
    assertThat(wire.send(group()).status()).isEqualTo(200);
    now.set(Instant.parse(V3_DATE).plus(Duration.ofMinutes(16)));
    assertThat(wire.send(group()).code()).isEqualTo("InvalidTimeStamp.Expired");
  }

  @Test
  void aMalformedDateIsRefusedAsAFormatError() throws IOException {
    start(null);
    wire.date = "2023-10-26 10:22:32";
    assertThat(wire.send(group()).code()).isEqualTo("InvalidTimeStamp.Format");
  }

  @Test
  void aReplayedNonceIsRefusedButAForgedRequestDoesNotBurnIt() throws IOException {
    start(null);
    Request r = group();
    Request forged = r.newBuilder().header("Authorization", r.header("Authorization").replaceAll(".$", "0"))
        .build();
    if (forged.header("Authorization").equals(r.header("Authorization"))) {
      forged = r.newBuilder().header("Authorization", r.header("Authorization").replaceAll(".$", "1")).build();
    }
    assertThat(wire.send(forged).code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(wire.send(r).status()).isEqualTo(200);
    Wire.Answer replay = wire.send(r);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.code()).isEqualTo("SignatureNonceUsed");
  }

  @Test
  void aReplayedV1NonceIsRefused() throws IOException {
    start(null);
    Map<String, String> p = wire.v1Params("DescribeSecurityGroups", "2014-05-26", Map.of("RegionId", "cn-hangzhou"));
    assertThat(wire.send(wire.v1Get("ecs.aliyuncs.com", p)).status()).isEqualTo(200);
    assertThat(wire.send(wire.v1PostForm("ecs.aliyuncs.com", p)).code()).isEqualTo("SignatureNonceUsed");
  }

  @Test
  void anUnsignedActionHeaderIsRefused() throws IOException {
    start(null);
    Map<String, String> h = new LinkedHashMap<>();
    Request r = wire.rpcV3("ecs.cn-hangzhou.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "cn-hangzhou"));
    String auth = r.header("Authorization").replace("x-acs-action;", "");
    h.put("Authorization", auth);
    Wire.Answer a = wire.send(r.newBuilder().header("Authorization", auth).build());
    assertThat(a.code()).isEqualTo("IncompleteSignature");
    assertThat(a.json().path("Message").asText()).contains("x-acs-action");
  }

  @Test
  void aRequestWithoutAnySignatureIsMissingAParameter() throws IOException {
    start(null);
    Wire.Answer a = wire.send(new Request.Builder().url(wire.base() + "/?Action=DescribeSecurityGroups")
        .header("Host", "ecs.aliyuncs.com").build());
    assertThat(a.code()).isEqualTo("MissingParameter");
    assertThat(a.json().path("Message").asText()).contains("Signature");
  }

  @Test
  void v1WithoutANonceIsMissingAParameterAndOtherMethodsAreInvalid() throws IOException {
    start(null);
    Map<String, String> p = wire.v1Params("DescribeSecurityGroups", "2014-05-26", Map.of("RegionId", "cn-hangzhou"));
    p.remove("SignatureNonce");
    Wire.Answer a = wire.send(wire.v1Get("ecs.aliyuncs.com", p));
    assertThat(a.code()).isEqualTo("MissingParameter");
    assertThat(a.json().path("Message").asText()).contains("\"SignatureNonce\"");

    Map<String, String> sha256 = wire.v1Params("DescribeSecurityGroups", "2014-05-26", Map.of());
    sha256.put("SignatureMethod", "HMAC-SHA256");
    assertThat(wire.send(wire.v1Get("ecs.aliyuncs.com", sha256)).code()).isEqualTo("InvalidSignatureMethod");

    Request sm3 = new Request.Builder().url(wire.base() + "/").header("Host", "ecs.aliyuncs.com")
        .header("Authorization", "ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=00").build();
    assertThat(wire.send(sm3).code()).isEqualTo("InvalidSignatureMethod");
  }

  @Test
  void anAuthorizationWithoutSignedHeadersIsIncomplete() throws IOException {
    start(null);
    Request r = new Request.Builder().url(wire.base() + "/").header("Host", "ecs.aliyuncs.com")
        .header("Authorization", "ACS3-HMAC-SHA256 Credential=" + Wire.AK + ",Signature=00").build();
    Wire.Answer a = wire.send(r);
    assertThat(a.code()).isEqualTo("IncompleteSignature");
    assertThat(a.json().path("Message").asText()).contains("SignedHeaders");
  }

  @Test
  void theCanonicalPiecesFollowTheReference() {
    assertThat(SignatureVerifier.canonicalUri("")).isEqualTo("/");
    assertThat(SignatureVerifier.canonicalUri("/api/v2/services/cn-hangzhou/a+b*c%7E")).isEqualTo(
        "/api/v2/services/cn-hangzhou/a%20b%2Ac~");
    assertThat(SignatureVerifier.canonicalQuery(List.of(new Parameter("b", "x y"), new Parameter("a", ""),
        new Parameter("a", "*~")))).isEqualTo("a=&a=%2A~&b=x%20y");
  }

  private Request roa(String date, String secret, String path) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("accept", "application/json");
    h.put("date", date);
    h.put("x-acs-signature-nonce", wire.nextNonce());
    h.put("x-acs-signature-method", "HMAC-SHA1");
    h.put("x-acs-signature-version", "1.0");
    h.put("x-acs-version", "2021-07-01");
    h.put("x-acs-action", "DescribeService");
    Map<String, String> query = Map.of("Verbose", "true", "Flag", "");
    Request.Builder b = new Request.Builder().url(wire.base() + path + "?Flag=&Verbose=true")
        .header("Host", "pai-eas.cn-hangzhou.aliyuncs.com")
        .header("Authorization", TestSigner.roaAuthorization("GET", h, path, query, Wire.AK, secret));
    h.forEach(b::header);
    return b.build();
  }

  @Test
  void theLegacyRoaSignatureVerifiesAndIsCheckedLikeTheOthers() throws IOException {
    start(null);
    String date = "Thu, 26 Oct 2023 10:22:32 GMT";
    Wire.Answer a = wire.send(roa(date, Wire.SECRET, "/api/v2/services/cn-hangzhou/my%20svc"));
    // verified and routed: DescribeService has no handler in this test
    assertThat(a.status()).as(a.body()).isEqualTo(501);
    Wire.Answer wrong = wire.send(roa(date, "not-the-secret", "/api/v2/services/cn-hangzhou/my%20svc"));
    assertThat(wrong.code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(wrong.json().path("Message").asText()).endsWith("\nx-acs-action:DescribeService\n"
        + "x-acs-signature-method:HMAC-SHA1\nx-acs-signature-nonce:nonce-2\nx-acs-signature-version:1.0\n"
        + "x-acs-version:2021-07-01\n/api/v2/services/cn-hangzhou/my%20svc?Flag&Verbose=true");
    assertThat(wire.send(roa("Thu, 26 Oct 2023 10:40:00 GMT", Wire.SECRET, "/api/v2/services/a/b")).code())
        .isEqualTo("InvalidTimeStamp.Expired");
    assertThat(wire.send(roa("2023-10-26T10:22:32Z", Wire.SECRET, "/api/v2/services/a/b")).code())
        .isEqualTo("InvalidTimeStamp.Format");
    Request replay = roa(date, Wire.SECRET, "/api/v2/services/a/b");
    assertThat(wire.send(replay).status()).isEqualTo(501);
    assertThat(wire.send(replay).code()).isEqualTo("SignatureNonceUsed");
  }

  private Request group() {
    return wire.rpcV3("ecs.cn-hangzhou.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "cn-hangzhou"));
  }
}
