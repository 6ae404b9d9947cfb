package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The aliyun CLI's {@code ~/.aliyun/config.json}: the profile named by {@code ALIBABA_CLOUD_PROFILE}, else the file's
 * {@code current}. Modes {@code AK}, {@code StsToken}, {@code RamRoleArn}, {@code EcsRamRole}, {@code OIDC} and
 * {@code ChainableRamRoleArn} (keys as credentials-java's {@code CLIProfileCredentialsProvider} reads them); the
 * interactive modes ({@code CloudSSO}, {@code OAuth}, {@code External}) are refused with the fix. Skipped when
 * {@code ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true}. The file is read once; the profile's provider is kept.
 */
final class CliConfigCredentialsProvider implements CredentialsProvider {
  private static final Sources.Names CLI_NAMES = new Sources.Names("access_key_id", "access_key_secret", "sts_token");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CredentialsContext context;
  private CredentialsProvider delegate;

  CliConfigCredentialsProvider(CredentialsContext context) {
    this.context = context;
  }

  static Path file(Environment environment) {
    return environment.homeDirectory().resolve(".aliyun").resolve("config.json");
  }

  @Override
  public synchronized Credentials credentials() {
    if (delegate == null) {
      delegate = load();
    }
    return delegate.credentials();
  }

  @Override
  public String description() {
    return "aliyun CLI profile (~/.aliyun/config.json)";
  }

  private CredentialsProvider load() {
    Environment env = context.environment();
    if (env.flag("ALIBABA_CLOUD_CLI_PROFILE_DISABLED")) {
      throw new CredentialsUnavailableException("disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true");
    }
    Path file = file(env);
    if (!Files.isRegularFile(file)) {
      throw new CredentialsUnavailableException(file + " does not exist");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // the parser's own message may quote the file's text (a secret), so only its position is shown
      throw new CredentialsUnavailableException(file + " is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + "). Fix: repair it, or rewrite it with `aliyun configure`");
    } catch (IOException e) {
      throw new CredentialsUnavailableException(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    FilePermissions.warningFor(file).ifPresent(context.warnings());
    if (root == null || !root.isObject()) {
      throw new CredentialsUnavailableException(file + " is not a JSON object");
    }
    Optional<String> fromEnv = env.variable("ALIBABA_CLOUD_PROFILE");
    String name = fromEnv.orElseGet(() -> root.path("current").asText(""));
    if (name.isEmpty()) {
      throw new CredentialsUnavailableException(file + " names no current profile (/current is empty) and "
          + "ALIBABA_CLOUD_PROFILE is not set");
    }
    return profile(file, root, name, new HashSet<>());
  }

  private CredentialsProvider profile(Path file, JsonNode root, String name, Set<String> visiting) {
    if (!visiting.add(name)) {
      throw new CredentialsUnavailableException(file + ": the source_profile chain loops back to profile \"" + name
          + "\"");
    }
    JsonNode profiles = root.path("profiles");
    for (int i = 0; i < profiles.size(); i++) {
      JsonNode p = profiles.get(i);
      if (name.equals(p.path("name").asText(null))) {
        return forMode(file, root, p, "/profiles/" + i, name, visiting);
      }
    }
    throw new CredentialsUnavailableException(file + " has no profile named \"" + name + "\"");
  }

  private CredentialsProvider forMode(Path file, JsonNode root, JsonNode p, String pointer, String name,
      Set<String> visiting) {
    String mode = p.path("mode").asText("");
    String where = file + " profile \"" + name + "\" (mode " + mode + ")";
    switch (mode) {
      case "AK":
        return new StaticCredentialsProvider(Sources.credentials(required(file, p, pointer, "access_key_id"),
            required(file, p, pointer, "access_key_secret"), Optional.empty(), null, where, CLI_NAMES), where);
      case "StsToken":
        return new StaticCredentialsProvider(Sources.credentials(required(file, p, pointer, "access_key_id"),
            required(file, p, pointer, "access_key_secret"), Optional.of(required(file, p, pointer, "sts_token")),
            null, where, CLI_NAMES), where);
      case "RamRoleArn": {
        CredentialsProvider source = new StaticCredentialsProvider(Sources.credentials(
            required(file, p, pointer, "access_key_id"), required(file, p, pointer, "access_key_secret"),
            Optional.empty(), null, where, CLI_NAMES), where);
        return ramRole(file, p, pointer, where, source);
      }
      case "ChainableRamRoleArn": {
        CredentialsProvider source = profile(file, root, required(file, p, pointer, "source_profile"), visiting);
        return ramRole(file, p, pointer, where, source);
      }
      case "EcsRamRole":
        return new EcsRamRoleCredentialsProvider(context, optional(p, "ram_role_name"),
            context.environment().flag("ALIBABA_CLOUD_IMDSV1_DISABLED"));
      case "OIDC":
        return new OidcRoleCredentialsProvider(context, where, required(file, p, pointer, "ram_role_arn"),
            required(file, p, pointer, "oidc_provider_arn"), Path.of(required(file, p, pointer, "oidc_token_file")),
            Optional.ofNullable(optional(p, "ram_session_name")).orElseGet(context::defaultSessionName),
            p.path("expired_seconds").asInt(3600), optional(p, "policy"),
            context.sts(optional(p, "sts_region"), p.path("enable_vpc").asBoolean(false)));
      case "CloudSSO":
      case "OAuth":
      case "External":
        throw new CredentialsUnavailableException(where + " is an interactive mode eas-network does not support. "
            + "Fix: run `aliyun configure --mode AK` (or RamRoleArn) for a profile, or set ALIBABA_CLOUD_PROFILE to "
            + "one of those");
      default:
        throw new CredentialsUnavailableException(file + " at " + pointer + "/mode: unknown mode \"" + mode
            + "\"; known: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC");
    }
  }

  private CredentialsProvider ramRole(Path file, JsonNode p, String pointer, String where,
      CredentialsProvider source) {
    return new RamRoleArnCredentialsProvider(context, where, source, required(file, p, pointer, "ram_role_arn"),
        Optional.ofNullable(optional(p, "ram_session_name")).orElseGet(context::defaultSessionName),
        p.path("expired_seconds").asInt(3600), optional(p, "policy"), optional(p, "external_id"),
        context.sts(optional(p, "sts_region"), p.path("enable_vpc").asBoolean(false)));
  }

  private static String required(Path file, JsonNode p, String pointer, String key) {
    String v = optional(p, key);
    if (v == null) {
      throw new CredentialsUnavailableException(file + " at " + pointer + "/" + key + ": missing or empty. Fix: run "
          + "`aliyun configure --profile " + p.path("name").asText("<name>") + "`");
    }
    return v;
  }

  private static String optional(JsonNode p, String key) {
    JsonNode v = p.get(key);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
