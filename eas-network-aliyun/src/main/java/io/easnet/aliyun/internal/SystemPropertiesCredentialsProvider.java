package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.util.Optional;

/**
 * Java system properties {@code alibabacloud.accessKeyId}, {@code alibabacloud.accessKeySecret} (the legacy
 * {@code alibabacloud.accessKeyIdSecret} wins when set, as in credentials-java) and optional
 * {@code alibabacloud.sessionToken}.
 */
final class SystemPropertiesCredentialsProvider implements CredentialsProvider {
  private final Environment environment;

  SystemPropertiesCredentialsProvider(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Credentials credentials() {
    Optional<String> id = environment.property("alibabacloud.accessKeyId");
    Optional<String> secret = environment.property("alibabacloud.accessKeyIdSecret")
        .or(() -> environment.property("alibabacloud.accessKeySecret"));
    if (id.isEmpty() && secret.isEmpty()) {
      throw new CredentialsUnavailableException("alibabacloud.accessKeyId and alibabacloud.accessKeySecret are not set");
    }
    if (id.isEmpty()) {
      throw new CredentialsUnavailableException("alibabacloud.accessKeySecret is set but alibabacloud.accessKeyId is not");
    }
    if (secret.isEmpty()) {
      throw new CredentialsUnavailableException("alibabacloud.accessKeyId is set but alibabacloud.accessKeySecret is not");
    }
    return Sources.credentials(id.get(), secret.get(), environment.property("alibabacloud.sessionToken"), null,
        "system properties", new Sources.Names("alibabacloud.accessKeyId",
            environment.property("alibabacloud.accessKeyIdSecret").isPresent() ? "alibabacloud.accessKeyIdSecret"
                : "alibabacloud.accessKeySecret", "alibabacloud.sessionToken"));
  }

  @Override
  public String description() {
    return "system properties";
  }
}
