package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials file {@code ALIBABA_CLOUD_CREDENTIALS_FILE}, else {@code ~/.alibabacloud/credentials.ini}
 * (credentials-java's {@code AuthConstant.DEFAULT_CREDENTIALS_FILE_PATH}; its README says
 * {@code ~/.alibabacloud/credentials}, the code wins). The section is {@code ALIBABA_CLOUD_PROFILE}, else
 * {@code default}. As in credentials-java's {@code ProfileCredentialsProvider}, a section counts only with
 * {@code enable = true}. Types {@code access_key}, {@code ecs_ram_role} ({@code role_name}), {@code ram_role_arn}
 * and {@code oidc_role_arn}; {@code rsa_key_pair} (a retired STS API) is refused with the fix.
 */
final class IniFileCredentialsProvider implements CredentialsProvider {
  private static final Sources.Names INI_NAMES = new Sources.Names("access_key_id", "access_key_secret", "security_token");
  private final CredentialsContext context;
  private CredentialsProvider delegate;

  IniFileCredentialsProvider(CredentialsContext context) {
    this.context = context;
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
    return "credentials file (~/.alibabacloud/credentials.ini)";
  }

  static Path file(Environment environment) {
    return environment.variable("ALIBABA_CLOUD_CREDENTIALS_FILE").map(Path::of)
        .orElseGet(() -> environment.homeDirectory().resolve(".alibabacloud").resolve("credentials.ini"));
  }

  private CredentialsProvider load() {
    Environment env = context.environment();
    Path file = file(env);
    if (!Files.isRegularFile(file)) {
      throw new CredentialsUnavailableException(file + " does not exist");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CredentialsUnavailableException(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    FilePermissions.warningFor(file).ifPresent(context.warnings());
    Map<String, Map<String, String>> sections = parse(file, lines);
    String name = env.variable("ALIBABA_CLOUD_PROFILE").orElse("default");
    Map<String, String> s = sections.get(name);
    if (s == null) {
      throw new CredentialsUnavailableException(file + " has no section [" + name + "]"
          + (sections.isEmpty() ? "" : "; it has " + sections.keySet()));
    }
    String where = file + " [" + name + "]";
    if (!Boolean.parseBoolean(s.get("enable"))) {
      throw new CredentialsUnavailableException(where + " is not enabled. Fix: add `enable = true` to the section "
          + "(the Alibaba Cloud SDKs skip sections without it)");
    }
    String type = s.getOrDefault("type", "");
    switch (type) {
      case "access_key":
        return new StaticCredentialsProvider(Sources.credentials(required(s, where, "access_key_id"),
            required(s, where, "access_key_secret"), Optional.empty(), null, where, INI_NAMES), where);
      case "ecs_ram_role":
        return new EcsRamRoleCredentialsProvider(context, s.get("role_name"), env.flag("ALIBABA_CLOUD_IMDSV1_DISABLED"));
      case "ram_role_arn": {
        CredentialsProvider source = new StaticCredentialsProvider(Sources.credentials(
            required(s, where, "access_key_id"), required(s, where, "access_key_secret"), Optional.empty(), null,
            where, INI_NAMES), where);
        return new RamRoleArnCredentialsProvider(context, where, source, required(s, where, "role_arn"),
            required(s, where, "role_session_name"), 3600, s.get("policy"), null, context.sts(null, false));
      }
      case "oidc_role_arn":
        return new OidcRoleCredentialsProvider(context, where, required(s, where, "role_arn"),
            required(s, where, "oidc_provider_arn"), Path.of(required(s, where, "oidc_token_file_path")),
            Optional.ofNullable(s.get("role_session_name")).orElseGet(context::defaultSessionName), 3600,
            s.get("policy"), context.sts(null, false));
      case "rsa_key_pair":
        throw new CredentialsUnavailableException(where + ": type rsa_key_pair is not supported (its STS API is "
            + "retired). Fix: use type access_key or ram_role_arn");
      case "":
        throw new CredentialsUnavailableException(where + " has no type. Fix: add `type = access_key` (or "
            + "ecs_ram_role, ram_role_arn, oidc_role_arn)");
      default:
        throw new CredentialsUnavailableException(where + ": unknown type \"" + type + "\"; known: access_key, "
            + "ecs_ram_role, ram_role_arn, oidc_role_arn");
    }
  }

  /** A plain INI reader: {@code [section]}, {@code key = value}, comments starting with {@code #} or {@code ;}. */
  static Map<String, Map<String, String>> parse(Path file, List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw new CredentialsUnavailableException(file + " line " + (i + 1) + ": a section header must look like "
              + "[name]");
        }
        current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        // never echo the line: it may hold a secret
        throw new CredentialsUnavailableException(file + " line " + (i + 1) + ": expected `key = value`");
      }
      if (current == null) {
        throw new CredentialsUnavailableException(file + " line " + (i + 1) + ": a key before any [section]");
      }
      current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return sections;
  }

  private static String required(Map<String, String> s, String where, String key) {
    String v = s.get(key);
    if (v == null || v.isEmpty()) {
      throw new CredentialsUnavailableException(where + ": " + key + " is missing or empty");
    }
    return v;
  }
}
