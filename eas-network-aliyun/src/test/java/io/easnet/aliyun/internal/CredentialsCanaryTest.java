package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import io.easnet.aliyun.CredentialsProviders;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.ConfigurationException;
import io.easnet.core.EasNetworkException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret escapes the adapter, by canary: every credential source, with well-formed and malformed values (a stray
 * non-breaking space from a copy-paste, a line break, a padded value), on success and failure paths, and the
 * requests made with them. Every exception (message, causes, suppressed, stack trace text), every toString, every
 * warning and every log record of the run is searched for the canary secret and token: none may hold them.
 */
class CredentialsCanaryTest {
  private static final String SECRET = "CANARYsecret123";
  private static final String TOKEN = "CANARYtoken987";
  /** The token: the canary, a non-breaking space, one more character. */
  private static final String NBSP_TOKEN = TOKEN + "\u00a0x";
  private static final List<String> MALFORMED = List.of(NBSP_TOKEN, TOKEN + "\n", TOKEN + "\u200bz",
      "x" + TOKEN + " y", TOKEN + "\u00e9");

  @StartStop public final MockWebServer cloud = new MockWebServer();
  @StartStop public final MockWebServer sts = new MockWebServer();
  @StartStop public final MockWebServer metadata = new MockWebServer();
  @TempDir Path home;

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger nonce = new AtomicInteger();
  private final Handler logs = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (String.valueOf(r.getLoggerName()).startsWith("mockwebserver3")) {
        return; // the test servers' own request log (the URI test puts the canary in its query on purpose)
      }
      seen.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
          + (r.getThrown() == null ? "" : " " + trace(r.getThrown())));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level rootLevel;
  private FakeEnvironment env;
  private volatile String stsToken = TOKEN;
  private volatile String metadataToken = TOKEN;

  @BeforeEach
  void setUp() {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(logs);
    env = new FakeEnvironment(home);
    // a cloud that echoes what a careless server might: the headers it got, in an error body
    cloud.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
            .body("{\"Code\":\"Forbidden.RAM\",\"Message\":\"denied\",\"RequestId\":\"R-c\"}").build();
      }
    });
    sts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).body("{\"RequestId\":\"R-s\",\"Credentials\":{\"AccessKeyId\":"
            + "\"STS.assumed\",\"AccessKeySecret\":\"" + SECRET + "\",\"SecurityToken\":\"" + json(stsToken)
            + "\",\"Expiration\":\"2026-12-01T11:00:00Z\"}}").build();
      }
    });
    metadata.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/latest/api/token")) {
          return new MockResponse.Builder().code(200).body("metadata-session").build();
        }
        if (path.equals("/latest/meta-data/ram/security-credentials/")) {
          return new MockResponse.Builder().code(200).body("role").build();
        }
        if (path.equals("/latest/meta-data/ram/security-credentials/role")) {
          return new MockResponse.Builder().code(200).body(document(metadataToken)).build();
        }
        if (path.equals("/credentials")) {
          return new MockResponse.Builder().code(200).body(document(metadataToken)).build();
        }
        return new MockResponse.Builder().code(404).build();
      }
    });
  }

  @AfterEach
  void tearDown() {
    Logger root = Logger.getLogger("");
    root.removeHandler(logs);
    root.setLevel(rootLevel);
    assertNoCanary();
  }

  private static String document(String token) {
    return "{\"Code\":\"Success\",\"AccessKeyId\":\"STS.ecs\",\"AccessKeySecret\":\"" + SECRET
        + "\",\"SecurityToken\":\"" + json(token) + "\",\"Expiration\":\"2026-12-01T16:00:00Z\"}";
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }

  private CredentialsContext context() {
    return new CredentialsContext(env, new OkHttpClient(),
        Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), () -> "nonce-" + nonce.incrementAndGet(),
        seen::add, URI.create("http://127.0.0.1:" + metadata.getPort()),
        URI.create("http://127.0.0.1:" + sts.getPort()), Duration.ofMinutes(15));
  }

  private Path write(String relative, String content) throws IOException {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static String trace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** Runs {@code flow}; records its result's toString or its failure's whole trace; returns the failure. */
  private Throwable run(Supplier<Object> flow) {
    try {
      Object result = flow.get();
      seen.add(String.valueOf(result));
      return null;
    } catch (RuntimeException e) {
      seen.add(trace(e));
      return e;
    }
  }

  /** A call through the transport with the provider's credentials, against the (refusing) cloud. */
  private Object callWith(CredentialsProvider provider) {
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou").credentials(provider)
        .endpointOverride(AliyunProduct.VPC, URI.create("http://127.0.0.1:" + cloud.getPort()))
        .retryPolicy(RetryPolicy.none()).requestListener(e -> seen.add(e.toString())).build();
    seen.add(options.toString());
    seen.add(provider.toString());
    HttpTransport t = new HttpTransport(options, new OkHttpClient(), new Acs3Signer(
        Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), () -> "n"), d -> { }, () -> 0.5,
        System::nanoTime);
    return t.call(ApiRequest.rpc(AliyunProduct.VPC, "DescribeVpcs").parameter("RegionId", "cn-hangzhou").build());
  }

  private void assertNoCanary() {
    for (String s : seen) {
      assertThat(s).doesNotContain("CANARY").doesNotContain("secret123").doesNotContain("token987");
    }
  }

  /** The failure names where the value came from and the position, never the value. */
  private static void namesThePlace(Throwable failure, String name, int position) {
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains(name).contains("at position " + position)
        .doesNotContain("CANARY");
  }

  @Test
  void environmentVariablesWithAStrayCharacterFailWhenLoadedNamingTheVariableAndPosition() {
    env.variable("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.env").variable("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
        .variable("ALIBABA_CLOUD_SECURITY_TOKEN", NBSP_TOKEN)
        .variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    // the chain: loading fails (before, the value reached OkHttp, whose header check printed it whole)
    Throwable chain = run(() -> callWith(DefaultCredentialsChain.create(context())));
    assertThat(chain).isInstanceOf(ConfigurationException.class);
    namesThePlace(chain, "ALIBABA_CLOUD_SECURITY_TOKEN", 15);
    assertThat(chain.getMessage()).contains("U+00A0, a non-breaking space");
    // every malformed shape, every variable
    for (String bad : MALFORMED) {
      for (String variable : List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
          "ALIBABA_CLOUD_SECURITY_TOKEN")) {
        env.variable("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.env").variable("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
            .variable("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN).variable(variable, bad);
        Throwable f = run(() -> new EnvironmentCredentialsProvider(env).credentials());
        assertThat(f).as(variable).isInstanceOf(EasNetworkException.class);
        assertThat(f.getMessage()).contains(variable);
      }
    }
    // and the well-formed canary works, and is sent, and is never shown
    env.variable("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN);
    Throwable ok = run(() -> callWith(CredentialsProviders.defaultChain(env.variables)));
    assertThat(ok).hasMessageContaining("Forbidden.RAM");
  }

  @Test
  void systemPropertiesAreCheckedToo() {
    env.property("alibabacloud.accessKeyId", "LTAIprop").property("alibabacloud.accessKeySecret", SECRET + "\u00a0");
    namesThePlace(run(() -> new SystemPropertiesCredentialsProvider(env).credentials()),
        "alibabacloud.accessKeySecret", 16);
    env.property("alibabacloud.accessKeySecret", SECRET).property("alibabacloud.sessionToken", NBSP_TOKEN);
    namesThePlace(run(() -> new SystemPropertiesCredentialsProvider(env).credentials()),
        "alibabacloud.sessionToken", 15);
    env.property("alibabacloud.sessionToken", TOKEN);
    assertThat(run(() -> callWith(new SystemPropertiesCredentialsProvider(env)))).hasMessageContaining("denied");
  }

  @Test
  void theAliyunCliConfigAndTheCredentialsFileNameTheFileAndKey() throws Exception {
    Path config = write(".aliyun/config.json", "{\"current\":\"s\",\"profiles\":[{\"name\":\"s\",\"mode\":"
        + "\"StsToken\",\"access_key_id\":\"STS.cli\",\"access_key_secret\":\"" + SECRET + "\",\"sts_token\":\""
        + json(NBSP_TOKEN) + "\"}]}");
    Throwable cli = run(() -> new CliConfigCredentialsProvider(context()).credentials());
    namesThePlace(cli, "sts_token", 15);
    assertThat(cli.getMessage()).contains(config.toString());

    Path ini = write(".alibabacloud/credentials.ini", "[default]\nenable = true\ntype = access_key\n"
        + "access_key_id = LTAIini\naccess_key_secret = " + SECRET + "\u00a0x\n");
    Throwable file = run(() -> new IniFileCredentialsProvider(context()).credentials());
    namesThePlace(file, "access_key_secret", 16);
    assertThat(file.getMessage()).contains(ini.toString());

    write(".aliyun/config.json", "{\"current\":\"s\",\"profiles\":[{\"name\":\"s\",\"mode\":\"StsToken\","
        + "\"access_key_id\":\"STS.cli\",\"access_key_secret\":\"" + SECRET + "\",\"sts_token\":\"" + TOKEN
        + "\"}]}");
    assertThat(run(() -> callWith(new CliConfigCredentialsProvider(context())))).hasMessageContaining("denied");
  }

  @Test
  void stsAnswersRamRoleAndOidcAreChecked() throws Exception {
    write(".aliyun/config.json", "{\"current\":\"r\",\"profiles\":[{\"name\":\"r\",\"mode\":\"RamRoleArn\","
        + "\"access_key_id\":\"LTAIsource\",\"access_key_secret\":\"" + SECRET + "\","
        + "\"ram_role_arn\":\"acs:ram::123:role/deployer\",\"ram_session_name\":\"ci\"}]}");
    stsToken = NBSP_TOKEN;
    Throwable role = run(() -> new CliConfigCredentialsProvider(context()).credentials());
    namesThePlace(role, "SecurityToken", 15);
    assertThat(role.getMessage()).contains("sts:AssumeRole");

    Path token = write("oidc-token", TOKEN + ".jwt\n");
    env.variable("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::123:role/pod")
        .variable("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::123:oidc-provider/ack")
        .variable("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.toString())
        .variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    Throwable oidc = run(() -> DefaultCredentialsChain.create(context()).credentials());
    assertThat(oidc).isInstanceOf(ConfigurationException.class).hasMessageContaining("AssumeRoleWithOIDC");

    stsToken = TOKEN;
    assertThat(run(() -> callWith(DefaultCredentialsChain.create(context())))).hasMessageContaining("denied");
    // an STS refusal that echoes what it got
    sts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(400).body("{\"Code\":\"InvalidParameter\",\"Message\":\"bad\"}")
            .build();
      }
    });
    assertThat(run(() -> DefaultCredentialsChain.create(context()).credentials())).isNotNull();
  }

  @Test
  void theEcsMetadataAndTheCredentialsUriAreChecked() {
    metadataToken = NBSP_TOKEN;
    Throwable ecs = run(() -> new EcsRamRoleCredentialsProvider(context(), null, false).credentials());
    namesThePlace(ecs, "SecurityToken", 15);
    assertThat(ecs.getMessage()).contains("RAM role role");

    String uri = "http://127.0.0.1:" + metadata.getPort() + "/credentials?auth=" + TOKEN;
    Throwable byUri = run(() -> new UriCredentialsProvider(context(), uri).credentials());
    namesThePlace(byUri, "SecurityToken", 15);

    metadataToken = TOKEN;
    assertThat(run(() -> callWith(new EcsRamRoleCredentialsProvider(context(), null, false))))
        .hasMessageContaining("denied");
    assertThat(run(() -> callWith(new UriCredentialsProvider(context(), uri)))).hasMessageContaining("denied");
    // a URI that fails names its host only (its query may carry a token)
    Throwable down = run(() -> new UriCredentialsProvider(context(), "http://127.0.0.1:1/c?auth=" + TOKEN)
        .credentials());
    assertThat(down).hasMessageContaining("127.0.0.1");
  }

  @Test
  void staticCredentialsAreCheckedWhenBuilt() {
    for (String bad : MALFORMED) {
      Throwable f = run(() -> Credentials.builder().accessKeyId("STS.x").accessKeySecret(SECRET).securityToken(bad)
          .build());
      assertThat(f).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("securityToken");
      Throwable s = run(() -> Credentials.of("LTAIid", bad));
      assertThat(s).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessKeySecret");
    }
    Credentials ok = Credentials.builder().accessKeyId("STS.x").accessKeySecret(SECRET).securityToken(TOKEN).build();
    assertThat(run(() -> callWith(CredentialsProviders.of(ok)))).hasMessageContaining("denied");
  }

  @Test
  void theCanaryIsFoundWhenItLeaks() {
    // the search itself can fail: a leak would be caught
    List<String> probe = new ArrayList<>(List.of("x " + TOKEN));
    assertThatThrownBy(() -> probe.forEach(s -> assertThat(s).doesNotContain("CANARY")))
        .isInstanceOf(AssertionError.class);
  }
}
