package io.easnet.aliyun.internal;

import io.easnet.core.ConfigurationException;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import io.easnet.core.EasNetworkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Alibaba Cloud default credentials chain in credentials-java's {@code createDefaultChain()} order (HEAD
 * b9b5c10):
 *
 * <ol>
 *   <li>system properties {@code alibabacloud.accessKeyId} / {@code alibabacloud.accessKeySecret};
 *   <li>environment {@code ALIBABA_CLOUD_ACCESS_KEY_ID} / {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET} /
 *       {@code ALIBABA_CLOUD_SECURITY_TOKEN};
 *   <li>OIDC (RRSA) when {@code ALIBABA_CLOUD_ROLE_ARN}, {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN} and
 *       {@code ALIBABA_CLOUD_OIDC_TOKEN_FILE} are all set;
 *   <li>the aliyun CLI's {@code ~/.aliyun/config.json};
 *   <li>the credentials file {@code ~/.alibabacloud/credentials.ini};
 *   <li>the ECS RAM role from the instance metadata (unless {@code ALIBABA_CLOUD_ECS_METADATA_DISABLED=true});
 *   <li>{@code ALIBABA_CLOUD_CREDENTIALS_URI} when set.
 * </ol>
 *
 * <p>The first provider that answers is remembered and asked directly from then on (credentials-java's
 * {@code reuseLastProviderEnabled}). When none answers, one exception lists every provider and why it did not
 * apply: its first line is {@link #NONE_FOUND} (what to do), the chain of tried providers follows on the next lines.
 */
public final class DefaultCredentialsChain implements CredentialsProvider {
  static final String HELP =
      "https://www.alibabacloud.com/help/en/sdk/developer-reference/v2-manage-access-credentials";

  /** The first line of the failure when no provider answers: what to do, before the chain of what was tried. */
  public static final String NONE_FOUND = "no credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and "
      + "ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `aliyun configure`";

  private record Candidate(String name, Supplier<CredentialsProvider> create) {}

  private final List<Candidate> candidates;
  private volatile CredentialsProvider chosen;

  private DefaultCredentialsChain(List<Candidate> candidates) {
    this.candidates = candidates;
  }

  public static DefaultCredentialsChain create(CredentialsContext context) {
    Environment env = context.environment();
    List<Candidate> c = new ArrayList<>();
    c.add(new Candidate("system properties", () -> new SystemPropertiesCredentialsProvider(env)));
    c.add(new Candidate("environment variables", () -> new EnvironmentCredentialsProvider(env)));
    c.add(new Candidate("OIDC role (RRSA)", () -> oidc(context)));
    c.add(new Candidate("aliyun CLI profile (" + CliConfigCredentialsProvider.file(env) + ")",
        () -> new CliConfigCredentialsProvider(context)));
    c.add(new Candidate("credentials file (" + IniFileCredentialsProvider.file(env) + ")",
        () -> new IniFileCredentialsProvider(context)));
    c.add(new Candidate("ECS RAM role (instance metadata at " + context.metadataEndpoint().getHost() + ")", () -> {
      if (env.flag("ALIBABA_CLOUD_ECS_METADATA_DISABLED")) {
        throw new CredentialsUnavailableException("disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
      }
      return new EcsRamRoleCredentialsProvider(context, env.variable("ALIBABA_CLOUD_ECS_METADATA").orElse(null),
          env.flag("ALIBABA_CLOUD_IMDSV1_DISABLED"));
    }));
    c.add(new Candidate("credentials URI", () -> new UriCredentialsProvider(context,
        env.variable("ALIBABA_CLOUD_CREDENTIALS_URI").orElseThrow(
            () -> new CredentialsUnavailableException("ALIBABA_CLOUD_CREDENTIALS_URI is not set")))));
    return new DefaultCredentialsChain(List.copyOf(c));
  }

  private static CredentialsProvider oidc(CredentialsContext context) {
    Environment env = context.environment();
    Optional<String> role = env.variable("ALIBABA_CLOUD_ROLE_ARN");
    Optional<String> provider = env.variable("ALIBABA_CLOUD_OIDC_PROVIDER_ARN");
    Optional<String> tokenFile = env.variable("ALIBABA_CLOUD_OIDC_TOKEN_FILE");
    if (role.isEmpty() || provider.isEmpty() || tokenFile.isEmpty()) {
      List<String> missing = new ArrayList<>();
      role.ifPresentOrElse(v -> { }, () -> missing.add("ALIBABA_CLOUD_ROLE_ARN"));
      provider.ifPresentOrElse(v -> { }, () -> missing.add("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"));
      tokenFile.ifPresentOrElse(v -> { }, () -> missing.add("ALIBABA_CLOUD_OIDC_TOKEN_FILE"));
      throw new CredentialsUnavailableException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
          + " not set");
    }
    return new OidcRoleCredentialsProvider(context, "OIDC role (RRSA)", role.get(), provider.get(),
        Path.of(tokenFile.get()), context.defaultSessionName(), 3600, null,
        context.sts(env.variable("ALIBABA_CLOUD_STS_REGION").orElse(null),
            env.flag("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED")));
  }

  @Override
  public Credentials credentials() {
    CredentialsProvider p = chosen;
    if (p != null) {
      return p.credentials();
    }
    synchronized (this) {
      if (chosen != null) {
        return chosen.credentials();
      }
      List<String> attempts = new ArrayList<>();
      for (Candidate candidate : candidates) {
        try {
          CredentialsProvider provider = candidate.create().get();
          Credentials credentials = provider.credentials();
          chosen = provider;
          return credentials;
        } catch (EasNetworkException e) {
          attempts.add(candidate.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
          attempts.add(candidate.name() + ": failed unexpectedly (" + e.getClass().getName() + ")");
        }
      }
      throw ConfigurationException.of(NONE_FOUND + "\nThe default credentials chain found none.", attempts,
          "set the two variables, run `aliyun configure`, or pass credentials explicitly. See " + HELP);
    }
  }

  @Override
  public String description() {
    CredentialsProvider p = chosen;
    return "default credentials chain" + (p == null ? "" : " (using " + p.description() + ")");
  }

  @Override
  public String toString() {
    return description();
  }
}
