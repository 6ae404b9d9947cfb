package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.Credentials;
import io.easnet.core.CloudServiceException;
import io.easnet.core.EasNetworkException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultCredentialsChainTest {
  private static final String STS_OK = "{\"RequestId\":\"R-1\",\"Credentials\":{\"AccessKeyId\":\"STS.assumed\","
      + "\"AccessKeySecret\":\"assumed-secret\",\"SecurityToken\":\"assumed-token\","
      + "\"Expiration\":\"2026-12-01T11:00:00Z\"}}";

  @StartStop public final MockWebServer sts = new MockWebServer();
  @StartStop public final MockWebServer metadata = new MockWebServer();
  @TempDir Path home;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final AtomicInteger nonce = new AtomicInteger();
  private final List<String> warnings = new ArrayList<>();
  private FakeEnvironment env;

  @BeforeEach
  void setUp() {
    env = new FakeEnvironment(home);
    // off ECS by default: the metadata service knows no role
    metadata.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(404).build();
      }
    });
  }

  private DefaultCredentialsChain chain() {
    return DefaultCredentialsChain.create(context());
  }

  private CredentialsContext context() {
    return new CredentialsContext(env, new OkHttpClient(), clock, () -> "nonce-" + nonce.incrementAndGet(),
        warnings::add, URI.create("http://" + "127.0.0.1" + ":" + metadata.getPort()),
        URI.create("http://" + "127.0.0.1" + ":" + sts.getPort()), Duration.ofMinutes(15));
  }

  private Path write(String relative, String content, String permissions) throws IOException {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void systemPropertiesComeFirst() {
    env.property("alibabacloud.accessKeyId", "prop-id").property("alibabacloud.accessKeySecret", "prop-secret")
        .variable("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id").variable("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
    assertThat(chain().credentials()).isEqualTo(Credentials.of("prop-id", "prop-secret"));
  }

  @Test
  void environmentVariablesWithATokenGiveStsCredentials() {
    env.variable("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.env").variable("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")
        .variable("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token");
    Credentials c = chain().credentials();
    assertThat(c.accessKeyId()).isEqualTo("STS.env");
    assertThat(c.securityToken()).contains("env-token");
  }

  @Test
  void theProviderThatAnsweredIsAskedDirectlyFromThenOn() {
    env.variable("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id").variable("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
    DefaultCredentialsChain chain = chain();
    assertThat(chain.credentials().accessKeyId()).isEqualTo("env-id");
    env.property("alibabacloud.accessKeyId", "prop-id").property("alibabacloud.accessKeySecret", "prop-secret");
    assertThat(chain.credentials().accessKeyId()).isEqualTo("env-id");
    assertThat(chain.description()).isEqualTo("default credentials chain (using environment variables)");
  }

  @Test
  void nothingFoundListsEveryProviderAndWhy() throws Exception {
    env.variable("ALIBABA_CLOUD_ACCESS_KEY_ID", "half-configured");
    env.variable("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r");
    assertThatThrownBy(() -> chain().credentials())
        .isInstanceOf(io.easnet.core.ConfigurationException.class)
        .hasMessageStartingWith(DefaultCredentialsChain.NONE_FOUND + "\n")
        .hasMessageStartingWith("no credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and "
            + "ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `aliyun configure`\nThe default credentials chain found none. "
            + "Tried: system properties")
        .hasMessageContaining("system properties: alibabacloud.accessKeyId and alibabacloud.accessKeySecret are not set")
        .hasMessageContaining("environment variables: ALIBABA_CLOUD_ACCESS_KEY_ID is set but "
            + "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not")
        .hasMessageContaining("OIDC role (RRSA): ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE are "
            + "not set")
        .hasMessageContaining("aliyun CLI profile (" + home.resolve(".aliyun/config.json") + "): "
            + home.resolve(".aliyun/config.json") + " does not exist")
        .hasMessageContaining("credentials file (" + home.resolve(".alibabacloud/credentials.ini") + "): ")
        .hasMessageContaining("ECS RAM role (instance metadata at " + "127.0.0.1" + "): the metadata "
            + "service answered HTTP 404 for the RAM role name")
        .hasMessageContaining("credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is not set")
        .hasMessageContaining("Fix: set the two variables, run `aliyun configure`")
        .hasMessageContaining(DefaultCredentialsChain.HELP);
  }

  @Test
  void ecsMetadataCanBeDisabled() {
    env.variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    assertThatThrownBy(() -> chain().credentials())
        .hasMessageContaining("ECS RAM role (instance metadata at " + "127.0.0.1"
            + "): disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
    assertThat(metadata.getRequestCount()).isZero();
  }

  @Test
  void cliConfigCurrentProfileInAkMode() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"main\",\"profiles\":["
        + "{\"name\":\"other\",\"mode\":\"AK\",\"access_key_id\":\"other-id\",\"access_key_secret\":\"other-secret\"},"
        + "{\"name\":\"main\",\"mode\":\"AK\",\"access_key_id\":\"main-id\",\"access_key_secret\":\"main-secret\"}]}",
        "rw-------");
    assertThat(chain().credentials()).isEqualTo(Credentials.of("main-id", "main-secret"));
    assertThat(warnings).isEmpty();
    env.variable("ALIBABA_CLOUD_PROFILE", "other");
    assertThat(chain().credentials()).isEqualTo(Credentials.of("other-id", "other-secret"));
  }

  @Test
  void cliConfigStsTokenMode() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"s\",\"profiles\":[{\"name\":\"s\",\"mode\":\"StsToken\","
        + "\"access_key_id\":\"STS.cli\",\"access_key_secret\":\"cli-secret\",\"sts_token\":\"cli-token\"}]}",
        "rw-------");
    assertThat(chain().credentials().securityToken()).contains("cli-token");
  }

  @Test
  void cliConfigRamRoleArnModeAssumesTheRoleWithAV3SignedCall() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"r\",\"profiles\":[{\"name\":\"r\",\"mode\":\"RamRoleArn\","
        + "\"access_key_id\":\"LTAIsource\",\"access_key_secret\":\"source-secret\","
        + "\"ram_role_arn\":\"acs:ram::123:role/deployer\",\"ram_session_name\":\"ci\",\"expired_seconds\":1800}]}",
        "rw-------");
    sts.enqueue(new MockResponse.Builder().code(200).body(STS_OK).build());

    Credentials c = chain().credentials();

    assertThat(c.accessKeyId()).isEqualTo("STS.assumed");
    assertThat(c.securityToken()).contains("assumed-token");
    assertThat(c.expiration()).contains(Instant.parse("2026-12-01T11:00:00Z"));
    RecordedRequest r = sts.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("x-acs-action")).isEqualTo("AssumeRole");
    assertThat(r.getHeaders().get("x-acs-version")).isEqualTo("2015-04-01");
    assertThat(r.getUrl().queryParameter("RoleArn")).isEqualTo("acs:ram::123:role/deployer");
    assertThat(r.getUrl().queryParameter("RoleSessionName")).isEqualTo("ci");
    assertThat(r.getUrl().queryParameter("DurationSeconds")).isEqualTo("1800");
    assertThat(r.getUrl().encodedQuery()).isEqualTo(WireSignature.canonicalRequestOf(r).canonicalQueryString());
    assertThat(r.getHeaders().get("Authorization")).startsWith("ACS3-HMAC-SHA256 Credential=LTAIsource,");
    assertThat(WireSignature.receivedSignature(r)).isEqualTo(WireSignature.expectedSignature(r, "source-secret"));
  }

  @Test
  void assumedRoleCredentialsAreRefreshedBeforeExpiry() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"r\",\"profiles\":[{\"name\":\"r\",\"mode\":\"RamRoleArn\","
        + "\"access_key_id\":\"LTAIsource\",\"access_key_secret\":\"source-secret\","
        + "\"ram_role_arn\":\"acs:ram::123:role/deployer\"}]}", "rw-------");
    sts.enqueue(new MockResponse.Builder().code(200).body(STS_OK).build());
    sts.enqueue(new MockResponse.Builder().code(200).body(STS_OK.replace("STS.assumed", "STS.second")
        .replace("2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z")).build());
    DefaultCredentialsChain chain = chain();
    assertThat(chain.credentials().accessKeyId()).isEqualTo("STS.assumed");
    clock.advance(Duration.ofMinutes(30));
    assertThat(chain.credentials().accessKeyId()).isEqualTo("STS.assumed");
    assertThat(sts.getRequestCount()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(15)); // 10:45: 15 minutes before expiry
    assertThat(chain.credentials().accessKeyId()).isEqualTo("STS.second");
    assertThat(sts.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aStsErrorIsTheCloudsErrorAndNamesTheRole() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"r\",\"profiles\":[{\"name\":\"r\",\"mode\":\"RamRoleArn\","
        + "\"access_key_id\":\"LTAIsource\",\"access_key_secret\":\"source-secret\","
        + "\"ram_role_arn\":\"acs:ram::123:role/deployer\"}]}", "rw-------");
    sts.enqueue(new MockResponse.Builder().code(403).body("{\"RequestId\":\"R-9\",\"Code\":\"NoPermission\","
        + "\"Message\":\"You are not authorized to do this action.\"}").build());
    assertThatThrownBy(() -> chain().credentials())
        .isInstanceOf(EasNetworkException.class)
        .hasMessageContaining("aliyun CLI profile (" + home.resolve(".aliyun/config.json") + "): sts:AssumeRole "
            + "failed: NoPermission: You are not authorized to do this action. (HTTP 403) [RequestId R-9]")
        .hasMessageNotContaining("source-secret");
  }

  @Test
  void cliConfigEcsRamRoleModeUsesTheHardenedMetadataMode() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"e\",\"profiles\":[{\"name\":\"e\",\"mode\":\"EcsRamRole\","
        + "\"ram_role_name\":\"EasRole\"}]}", "rw-------");
    metadata.setDispatcher(new EcsMetadataDispatcher("EasRole", true));
    Credentials c = chain().credentials();
    assertThat(c.accessKeyId()).isEqualTo("STS.ecs");
    RecordedRequest token = metadata.takeRequest(5, TimeUnit.SECONDS);
    assertThat(token.getMethod()).isEqualTo("PUT");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/latest/api/token");
    assertThat(token.getHeaders().get("X-aliyun-ecs-metadata-token-ttl-seconds")).isEqualTo("21600");
    RecordedRequest read = metadata.takeRequest(5, TimeUnit.SECONDS);
    assertThat(read.getUrl().encodedPath()).isEqualTo("/latest/meta-data/ram/security-credentials/EasRole");
    assertThat(read.getHeaders().get("X-aliyun-ecs-metadata-token")).isEqualTo("metadata-token");
  }

  @Test
  void cliConfigInteractiveModesAreRefusedWithTheFix() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"sso\",\"profiles\":[{\"name\":\"sso\",\"mode\":\"CloudSSO\"}]}",
        "rw-------");
    env.variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    assertThatThrownBy(() -> chain().credentials())
        .hasMessageContaining("profile \"sso\" (mode CloudSSO) is an interactive mode eas-network does not support")
        .hasMessageContaining("aliyun configure --mode AK");
  }

  @Test
  void brokenCliConfigIsReportedByPositionWithoutQuotingTheFile() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"a\",\"profiles\":[{\"access_key_secret\": topsecretvalue}]}",
        "rw-------");
    env.variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    assertThatThrownBy(() -> chain().credentials())
        .hasMessageContaining("config.json is not valid JSON (line 1, column")
        .hasMessageNotContaining("topsecretvalue");
  }

  @Test
  void aMissingCliKeyNamesTheJsonPointer() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"AK\","
        + "\"access_key_id\":\"id\"}]}", "rw-------");
    env.variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    assertThatThrownBy(() -> chain().credentials())
        .hasMessageContaining("config.json at /profiles/0/access_key_secret: missing or empty");
  }

  @Test
  void iniFileDefaultSectionWithAnAccessKey() throws Exception {
    write(".alibabacloud/credentials.ini", "[default]\nenable = true\ntype = access_key\naccess_key_id = ini-id\n"
        + "access_key_secret = ini-secret\n\n[other]\nenable = true\ntype = access_key\naccess_key_id = o\n"
        + "access_key_secret = o-secret\n", "rw-------");
    assertThat(chain().credentials()).isEqualTo(Credentials.of("ini-id", "ini-secret"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void iniSectionWithoutEnableIsSkippedAndTheReasonSaysSo() throws Exception {
    write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = ini-id\n"
        + "access_key_secret = ini-secret\n", "rw-------");
    env.variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    assertThatThrownBy(() -> chain().credentials())
        .hasMessageContaining("credentials.ini [default] is not enabled. Fix: add `enable = true`");
  }

  @Test
  void aCredentialsFileReadableByOthersGetsAWarningWithTheFix() throws Exception {
    Path file = write(".alibabacloud/credentials.ini", "[default]\nenable = true\ntype = access_key\n"
        + "access_key_id = ini-id\naccess_key_secret = ini-secret\n", "rw-r--r--");
    chain().credentials();
    assertThat(warnings).containsExactly("The credentials file " + file + " is readable by other users (rw-r--r--). "
        + "Fix: chmod 600 " + file);
  }

  @Test
  void aCliConfigReadableByItsGroupGetsAWarning() throws Exception {
    Path file = write(".aliyun/config.json", "{\"current\":\"a\",\"profiles\":[{\"name\":\"a\",\"mode\":\"AK\","
        + "\"access_key_id\":\"id\",\"access_key_secret\":\"s\"}]}", "rw-r-----");
    chain().credentials();
    assertThat(warnings).singleElement().asString().contains(file.toString()).contains("its group")
        .contains("chmod 600");
  }

  @Test
  void aMalformedIniLineIsNotEchoed() throws Exception {
    write(".alibabacloud/credentials.ini", "[default]\nenable = true\naccess_key_secret topsecretvalue\n",
        "rw-------");
    env.variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    assertThatThrownBy(() -> chain().credentials())
        .hasMessageContaining("credentials.ini line 3: expected `key = value`")
        .hasMessageNotContaining("topsecretvalue");
  }

  @Test
  void oidcExchangesTheTokenFileAnonymouslyLikeCredentialsJava() throws Exception {
    Path token = write("token", "eyJhbGciOi.oidc.jwt\n", "rw-------");
    env.variable("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::123:role/pod")
        .variable("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::123:oidc-provider/ack")
        .variable("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.toString())
        .variable("ALIBABA_CLOUD_ROLE_SESSION_NAME", "pod-session");
    sts.enqueue(new MockResponse.Builder().code(200).body(STS_OK).build());

    Credentials c = chain().credentials();

    assertThat(c.accessKeyId()).isEqualTo("STS.assumed");
    RecordedRequest r = sts.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().queryParameter("Action")).isEqualTo("AssumeRoleWithOIDC");
    assertThat(r.getUrl().queryParameter("Version")).isEqualTo("2015-04-01");
    assertThat(r.getUrl().queryParameter("Format")).isEqualTo("JSON");
    assertThat(r.getUrl().queryParameter("Timestamp")).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(r.getHeaders().get("Authorization")).isNull();
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getBody().utf8()).contains("OIDCToken=eyJhbGciOi.oidc.jwt")
        .contains("RoleArn=acs%3Aram%3A%3A123%3Arole%2Fpod")
        .contains("OIDCProviderArn=acs%3Aram%3A%3A123%3Aoidc-provider%2Fack")
        .contains("RoleSessionName=pod-session")
        .contains("DurationSeconds=3600");
  }

  @Test
  void anUnreadableOidcTokenFileSaysWhichFile() {
    env.variable("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::123:role/pod")
        .variable("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::123:oidc-provider/ack")
        .variable("ALIBABA_CLOUD_OIDC_TOKEN_FILE", home.resolve("missing-token").toString())
        .variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    assertThatThrownBy(() -> chain().credentials())
        .hasMessageContaining("OIDC role (RRSA): cannot read the OIDC token file " + home.resolve("missing-token"));
  }

  @Test
  void stsErrorsKeepCodeRequestIdAndKind() {
    StsClient client = context().sts(null, false);
    sts.enqueue(new MockResponse.Builder().code(400).body("{\"RequestId\":\"R-7\",\"Code\":\"Throttling.User\","
        + "\"Message\":\"Request was denied due to user flow control.\"}").build());
    assertThatThrownBy(() -> client.assumeRole(Credentials.of("id-12345678", "src-secret"), "acs:ram::1:role/r", "s",
        3600, null, null))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.THROTTLED);
          assertThat(e.code()).isEqualTo("Throttling.User");
          assertThat(e.requestId()).contains("R-7");
          assertThat(e.action()).isEqualTo("sts:AssumeRole");
          assertThat(e.getMessage()).doesNotContain("src-secret");
        });
  }

  @Test
  void stsEndpointsFollowCredentialsJava() {
    assertThat(StsClient.endpoint(null, false)).isEqualTo(URI.create("https://sts.aliyuncs.com"));
    assertThat(StsClient.endpoint("cn-hangzhou", false)).isEqualTo(URI.create("https://sts.cn-hangzhou.aliyuncs.com"));
    assertThat(StsClient.endpoint("cn-hangzhou", true)).isEqualTo(URI.create("https://sts-vpc.cn-hangzhou.aliyuncs.com"));
    assertThatThrownBy(() -> StsClient.endpoint("Hangzhou", false)).hasMessageContaining("is not a region id");
  }

  @Test
  void anStsAnswerWithoutCredentialsNeverShowsTheBody() {
    StsClient client = context().sts(null, false);
    sts.enqueue(new MockResponse.Builder().code(200).body("{\"RequestId\":\"R-2\",\"Credentials\":{"
        + "\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"leaked-secret\"}}").build());
    assertThatThrownBy(() -> client.assumeRole(Credentials.of("id-12345678", "s"), "acs:ram::1:role/r", "s", 3600,
        null, null))
        .hasMessageContaining("sts:AssumeRole for role acs:ram::1:role/r (RequestId R-2) answered without "
            + "Credentials.SecurityToken")
        .hasMessageNotContaining("leaked-secret");
  }
}
