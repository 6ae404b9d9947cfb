package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.aliyun.Credentials;
import io.easnet.core.EasNetworkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Whatever the credentials file ({@code credentials.ini}) or the aliyun CLI's {@code config.json} holds, the default
 * chain gives credentials or an {@link EasNetworkException} whose message is short, printable and free of the
 * secrets the file holds (a canary secret is written into every structured file). Never another exception. The
 * metadata service and STS are a closed local port, so a profile that needs them fails at once.
 */
class CredentialFilesFuzzTest {
  private static final String CANARY = "CANARYsecret7f3a9";
  private static final String TOKEN = "CANARYtoken41c0e";
  private static final URI NOWHERE = URI.create("http://127.0.0.1:1");
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(200))
      .readTimeout(Duration.ofMillis(200)).callTimeout(Duration.ofMillis(500)).build();
  private static final Path HOME = home();
  private static final String[] INI_KEYS = {"type", "enable", "access_key_id", "access_key_secret", "role_arn",
    "role_session_name", "policy", "role_name", "oidc_provider_arn", "oidc_token_file_path", "x"};
  private static final String[] INI_VALUES = {"access_key", "ecs_ram_role", "ram_role_arn", "oidc_role_arn",
    "rsa_key_pair", "true", "TRUE", "false", "", "LTAI5tFuzz", CANARY, "acs:ram::1:role/r", "/nonexistent", "=", "[",
    "\u00a0", "\u001b[2J", "\u0000"};
  private static final String[] CLI_MODES = {"AK", "StsToken", "RamRoleArn", "EcsRamRole", "OIDC",
    "ChainableRamRoleArn", "CloudSSO", "OAuth", "External", "", "ak"};
  private static final String[] CLI_KEYS = {"name", "mode", "access_key_id", "access_key_secret", "sts_token",
    "ram_role_arn", "ram_session_name", "ram_role_name", "source_profile", "oidc_provider_arn", "oidc_token_file",
    "sts_region", "region_id", "expired_seconds", "x"};

  @FuzzTest(maxDuration = "60s")
  void anyCredentialsIniGivesCredentialsOrASafeRefusal(FuzzedDataProvider data) {
    boolean structured = data.consumeBoolean();
    String profile = data.consumeBoolean() ? data.consumeString(8) : null;
    String text;
    if (structured) {
      StringBuilder b = new StringBuilder();
      int sections = data.consumeInt(0, 3);
      for (int s = 0; s < sections; s++) {
        b.append('[').append(data.consumeBoolean() ? "default" : data.consumeString(8)).append("]\n");
        b.append("access_key_secret = ").append(CANARY).append('\n');
        int n = data.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
          b.append(data.consumeBoolean() ? data.pickValue(INI_KEYS) : data.consumeString(10));
          b.append(data.consumeBoolean() ? " = " : data.consumeString(3));
          b.append(data.consumeBoolean() ? data.pickValue(INI_VALUES) : data.consumeString(20)).append('\n');
        }
      }
      b.append(data.consumeRemainingAsString());
      text = b.toString();
    } else {
      text = data.consumeRemainingAsString();
    }
    Path file = HOME.resolve("credentials.ini");
    write(file, text);
    FakeEnvironment env = new FakeEnvironment(HOME.resolve("nohome"))
        .variable("ALIBABA_CLOUD_CREDENTIALS_FILE", file.toString())
        .variable("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")
        .variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    if (profile != null) {
      env.variable("ALIBABA_CLOUD_PROFILE", profile);
    }
    check(env, text);
  }

  @FuzzTest(maxDuration = "60s")
  void anyAliyunCliConfigGivesCredentialsOrASafeRefusal(FuzzedDataProvider data) {
    String text;
    if (data.consumeBoolean()) {
      StringBuilder b = new StringBuilder("{\"current\": ").append(data.consumeBoolean() ? "\"p0\""
          : json(data.consumeString(6))).append(", \"profiles\": [");
      int profiles = data.consumeInt(0, 3);
      for (int p = 0; p < profiles; p++) {
        b.append(p > 0 ? ", " : "").append("{\"name\": \"p").append(p).append("\", \"access_key_secret\": \"")
            .append(CANARY).append("\", \"sts_token\": \"").append(TOKEN).append("\", \"mode\": ")
            .append(json(data.consumeBoolean() ? data.pickValue(CLI_MODES) : data.consumeString(10)));
        int n = data.consumeInt(0, 5);
        for (int i = 0; i < n; i++) {
          b.append(", ").append(json(data.pickValue(CLI_KEYS))).append(": ");
          b.append(switch (data.consumeInt(0, 4)) {
            case 0 -> "null";
            case 1 -> String.valueOf(data.consumeLong());
            case 2 -> "[]";
            default -> json(data.consumeBoolean() ? "p" + data.consumeInt(0, 3) : data.consumeString(16));
          });
        }
        b.append('}');
      }
      b.append(data.consumeBoolean() ? "]}" : data.consumeRemainingAsString());
      text = b.toString();
    } else {
      text = data.consumeRemainingAsString();
    }
    Path home = HOME.resolve("cli");
    write(home.resolve(".aliyun").resolve("config.json"), text);
    FakeEnvironment env = new FakeEnvironment(home)
        .variable("ALIBABA_CLOUD_CREDENTIALS_FILE", HOME.resolve("absent.ini").toString())
        .variable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    check(env, text);
  }

  private static void check(FakeEnvironment env, String text) {
    // the only connection a profile may cause is to the closed port that stands for STS and the metadata service
    // (Jazzer's SSRF detector flags any other; OkHttp connects on its own threads, so the setting is global)
    BugDetectors.allowNetworkConnections((host, port) -> port == NOWHERE.getPort()
        && (host.equals(NOWHERE.getHost()) || host.equals("localhost")));
    List<String> warnings = new ArrayList<>();
    CredentialsContext context = new CredentialsContext(env, HTTP, Clock.systemUTC(), () -> "nonce", warnings::add,
        NOWHERE, NOWHERE, Duration.ofMinutes(15));
    DefaultCredentialsChain chain = DefaultCredentialsChain.create(context);
    try {
      Credentials c = chain.credentials();
      assertThat(c.accessKeyId()).isNotBlank();
      assertThat(c.toString()).doesNotContain(c.accessKeySecret());
    } catch (EasNetworkException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String m = String.valueOf(t.getMessage());
        assertThat(m).as("a message").doesNotContain(CANARY).doesNotContain(TOKEN);
      }
      String m = e.getMessage();
      assertThat(m).isNotBlank();
      if (m.length() > 4_000) {
        fail("a message of " + m.length() + " chars for a file of " + text.length() + " chars");
      }
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("the chain threw " + e + " (not EasNetworkException) for a file of " + text.length()
          + " chars", e);
    }
    assertThat(warnings).noneSatisfy(w -> assertThat(w).contains(CANARY));
    assertThat(chain.toString()).doesNotContain(CANARY).doesNotContain(TOKEN);
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path home() {
    try {
      Path d = Files.createTempDirectory("credential-files-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
