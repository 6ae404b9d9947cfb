package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code ALIBABA_CLOUD_CREDENTIALS_URI}: {@code GET} it; the JSON answer has {@code Code} = {@code Success},
 * {@code AccessKeyId}, {@code AccessKeySecret}, {@code SecurityToken}, {@code Expiration} (credentials-java's
 * {@code URLCredentialProvider}). Cached and refreshed before expiry. One fetch has an overall deadline
 * ({@link FetchDeadline#REMOTE}) and reads at most {@link BoundedBodies#CREDENTIALS_DOCUMENT_BYTES}.
 */
final class UriCredentialsProvider implements CredentialsProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OkHttpClient http;
  private final HttpUrl uri;
  private final RefreshingCredentialsProvider cache;
  private final Duration deadline;

  UriCredentialsProvider(CredentialsContext context, String uri) {
    this(context, uri, FetchDeadline.REMOTE);
  }

  UriCredentialsProvider(CredentialsContext context, String uri, Duration deadline) {
    HttpUrl parsed = HttpUrl.parse(uri);
    if (parsed == null) {
      throw new CredentialsUnavailableException("ALIBABA_CLOUD_CREDENTIALS_URI is not an http(s) URL");
    }
    this.uri = parsed;
    this.deadline = deadline;
    this.http = context.http().newBuilder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
        .build();
    this.cache = context.refreshing(description(), this::fetch);
  }

  @Override
  public Credentials credentials() {
    return cache.credentials();
  }

  @Override
  public String description() {
    return "credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)";
  }

  private Credentials fetch() {
    // the URI's query may carry a token of its own, so messages show its host only
    String where = "the credentials URI at " + uri.host();
    FetchDeadline fetch = FetchDeadline.start(deadline);
    try (Response response = fetch.execute(http, new Request.Builder().url(uri).get().build())) {
      if (response.code() < 200 || response.code() > 299) {
        throw new CredentialsUnavailableException(where + " answered HTTP " + response.code());
      }
      JsonNode n;
      try {
        n = JSON.readTree(BoundedBodies.read(response.body(), BoundedBodies.CREDENTIALS_DOCUMENT_BYTES,
            "its answer"));
      } catch (com.fasterxml.jackson.core.JacksonException notJson) {
        throw new CredentialsUnavailableException(where + " answered with a body that is not JSON");
      }
      if (n == null || !"Success".equals(n.path("Code").asText())) {
        throw new CredentialsUnavailableException(where + " did not answer Code \"Success\"");
      }
      for (String field : new String[] {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}) {
        if (n.path(field).asText().isBlank()) {
          throw new CredentialsUnavailableException(where + " answered without " + field);
        }
      }
      return Sources.credentials(n.get("AccessKeyId").asText(), n.get("AccessKeySecret").asText(),
          Optional.of(n.get("SecurityToken").asText()), Sources.expiration(n.get("Expiration").asText(), where), where);
    } catch (IOException e) {
      throw new CredentialsUnavailableException(where + " failed: " + (fetch.expired(e) ? fetch.describe()
          : e instanceof BoundedBodies.TooLarge ? e.getMessage() : IoFailures.describe(e, uri.uri())));
    }
  }
}
