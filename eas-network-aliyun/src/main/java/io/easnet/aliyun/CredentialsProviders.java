package io.easnet.aliyun;

import io.easnet.aliyun.internal.CredentialsContext;
import io.easnet.aliyun.internal.DefaultCredentialsChain;
import io.easnet.aliyun.internal.Environment;
import io.easnet.aliyun.internal.StaticCredentialsProvider;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The credentials providers of the adapter.
 *
 * <ul>
 *   <li>{@link #of(Credentials)}: fixed credentials;
 *   <li>{@link #defaultChain()}: the Alibaba Cloud default chain, in the order of the official credentials-java:
 *       system properties ({@code alibabacloud.accessKeyId}, {@code alibabacloud.accessKeySecret},
 *       {@code alibabacloud.sessionToken}), environment ({@code ALIBABA_CLOUD_ACCESS_KEY_ID},
 *       {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}, {@code ALIBABA_CLOUD_SECURITY_TOKEN}), OIDC / RRSA
 *       ({@code ALIBABA_CLOUD_ROLE_ARN}, {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN},
 *       {@code ALIBABA_CLOUD_OIDC_TOKEN_FILE}), the aliyun CLI's {@code ~/.aliyun/config.json}, the
 *       {@code ~/.alibabacloud/credentials.ini} file, the ECS RAM role of the instance metadata, and
 *       {@code ALIBABA_CLOUD_CREDENTIALS_URI}.
 * </ul>
 *
 * <p>Temporary credentials are cached and refreshed before they expire (15 minutes ahead at most). When the chain
 * finds nothing, its exception lists every provider and why it did not apply. A credentials file that its group or
 * other users can read is reported once through {@link System.Logger} ({@code io.easnet.aliyun.credentials},
 * {@code WARNING}) with the {@code chmod} that fixes it.
 */
public final class CredentialsProviders {
  private CredentialsProviders() {}

  /** Always {@code credentials}. */
  public static CredentialsProvider of(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return new StaticCredentialsProvider(credentials, "static credentials");
  }

  /** The default chain over the process environment, system properties and home directory. */
  public static CredentialsProvider defaultChain() {
    return defaultChain(Environment.system());
  }

  /**
   * The default chain over {@code environmentVariables} instead of the process environment (system properties and
   * the home directory are the process's): for a program that runs commands with an environment of its own, such
   * as the {@code eas-net} command line under test.
   */
  public static CredentialsProvider defaultChain(Map<String, String> environmentVariables) {
    Map<String, String> variables = Map.copyOf(Objects.requireNonNull(environmentVariables, "environmentVariables"));
    Environment system = Environment.system();
    return defaultChain(new Environment() {
      @Override
      public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
      }

      @Override
      public Optional<String> property(String name) {
        return system.property(name);
      }

      @Override
      public Path homeDirectory() {
        return system.homeDirectory();
      }
    });
  }

  private static CredentialsProvider defaultChain(Environment environment) {
    System.Logger logger = System.getLogger("io.easnet.aliyun.credentials");
    SecureRandom random = new SecureRandom();
    return DefaultCredentialsChain.create(new CredentialsContext(environment, new OkHttpClient(),
        Clock.systemUTC(), () -> {
          byte[] b = new byte[16];
          random.nextBytes(b);
          return HexFormat.of().formatHex(b);
        }, message -> logger.log(System.Logger.Level.WARNING, message), CredentialsContext.ECS_METADATA, null,
        Duration.ofMinutes(15)));
  }
}
