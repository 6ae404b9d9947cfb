package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The RAM role of the ECS instance, from the instance metadata service at {@code 100.100.100.200}, as
 * credentials-java's {@code ECSMetadataServiceCredentialsFetcher} (HEAD b9b5c10) does it:
 *
 * <ol>
 *   <li>hardened mode first: {@code PUT /latest/api/token} with {@code X-aliyun-ecs-metadata-token-ttl-seconds:
 *       21600}, then every read carries {@code X-aliyun-ecs-metadata-token};
 *   <li>if the token cannot be had, or a read with it fails, the read is repeated without a token — unless
 *       {@code ALIBABA_CLOUD_IMDSV1_DISABLED=true}, which makes the token mandatory;
 *   <li>the role name is {@code ALIBABA_CLOUD_ECS_METADATA} or the first line of
 *       {@code GET /latest/meta-data/ram/security-credentials/};
 *   <li>{@code GET /latest/meta-data/ram/security-credentials/<role>} answers JSON with {@code Code} =
 *       {@code Success}, {@code AccessKeyId}, {@code AccessKeySecret}, {@code SecurityToken}, {@code Expiration}.
 * </ol>
 *
 * <p>Timeouts are 1 s (credentials-java's), so the chain gives up quickly off ECS. Cached and refreshed before
 * expiry.
 */
final class EcsRamRoleCredentialsProvider implements CredentialsProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";
  private final OkHttpClient http;
  private final HttpUrl base;
  private final String configuredRole;
  private final boolean imdsV1Disabled;
  private final RefreshingCredentialsProvider cache;
  private final Duration fetchDeadline;

  EcsRamRoleCredentialsProvider(CredentialsContext context, String roleName, boolean imdsV1Disabled) {
    this(context, roleName, imdsV1Disabled, FetchDeadline.METADATA);
  }

  EcsRamRoleCredentialsProvider(CredentialsContext context, String roleName, boolean imdsV1Disabled,
      Duration fetchDeadline) {
    this.fetchDeadline = fetchDeadline;
    this.http = context.http().newBuilder().connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1))
        .build();
    URI endpoint = context.metadataEndpoint();
    this.base = HttpUrl.get(endpoint.toString());
    this.configuredRole = roleName;
    this.imdsV1Disabled = imdsV1Disabled;
    this.cache = context.refreshing(description(), this::fetch);
  }

  @Override
  public Credentials credentials() {
    return cache.credentials();
  }

  @Override
  public String description() {
    return "ECS RAM role (instance metadata)";
  }

  private Credentials fetch() {
    FetchDeadline deadline = FetchDeadline.start(fetchDeadline);
    String token = token(deadline);
    String role = configuredRole;
    if (role == null) {
      String listing = read(deadline, CREDENTIALS_PATH, token, "the RAM role name").strip();
      role = listing.lines().findFirst().orElse("").strip();
      if (role.isEmpty()) {
        throw new CredentialsUnavailableException("the instance has no RAM role attached. Fix: attach a RAM role to "
            + "the ECS instance, or set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true off ECS");
      }
    }
    if (HeaderValues.firstBadIndex(role) > 0 || role.length() > 128) {
      throw new CredentialsUnavailableException("the metadata service answered a RAM role name that is not "
          + "printable ASCII of at most 128 characters");
    }
    String json = read(deadline, CREDENTIALS_PATH + role, token, "the credentials of RAM role " + role);
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (IOException e) {
      throw new CredentialsUnavailableException("the metadata service answered for RAM role " + role
          + " with a body that is not JSON");
    }
    String where = "the metadata service (RAM role " + role + ")";
    if (n == null || !"Success".equals(n.path("Code").asText())) {
      throw new CredentialsUnavailableException(where + " answered Code \""
          + (n == null ? "" : n.path("Code").asText()) + "\", not \"Success\"");
    }
    for (String field : new String[] {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}) {
      if (n.path(field).asText().isBlank()) {
        throw new CredentialsUnavailableException(where + " answered without " + field);
      }
    }
    return Sources.credentials(n.get("AccessKeyId").asText(), n.get("AccessKeySecret").asText(),
        Optional.of(n.get("SecurityToken").asText()), Sources.expiration(n.get("Expiration").asText(), where), where);
  }

  /** The session token of the hardened mode, or null when falling back to the normal mode is allowed. */
  private String token(FetchDeadline deadline) {
    Request request = new Request.Builder().url(base.newBuilder().encodedPath("/latest/api/token").build())
        .put(RequestBody.create(new byte[0], null))
        .header("X-aliyun-ecs-metadata-token-ttl-seconds", "21600")
        .build();
    String failure;
    try (Response response = deadline.execute(http, request)) {
      if (response.code() == 200) {
        String token = BoundedBodies.readUtf8(response.body(), BoundedBodies.CREDENTIALS_DOCUMENT_BYTES,
            "the metadata token");
        if (token.isEmpty() || HeaderValues.firstBadIndex(token) > 0) {
          // it goes into a header: OkHttp would refuse it quoting it whole
          throw new CredentialsUnavailableException("the metadata service at " + base.host() + " answered a "
              + "session token that is empty or not printable ASCII");
        }
        return token;
      }
      failure = "HTTP " + response.code();
    } catch (IOException e) {
      failure = deadline.expired(e) ? deadline.describe() : describe(e);
    }
    if (imdsV1Disabled) {
      throw new CredentialsUnavailableException("no metadata token from " + base.host() + " (" + failure
          + ") and ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids reading without one");
    }
    return null;
  }

  private String read(FetchDeadline deadline, String path, String token, String what) {
    try {
      return readOnce(deadline, path, token, what);
    } catch (CredentialsUnavailableException e) {
      if (token != null && !imdsV1Disabled) {
        return readOnce(deadline, path, null, what);
      }
      throw e;
    }
  }

  private String readOnce(FetchDeadline deadline, String path, String token, String what) {
    Request.Builder request = new Request.Builder().url(base.newBuilder().encodedPath(path).build()).get();
    if (token != null) {
      request.header("X-aliyun-ecs-metadata-token", token);
    }
    try (Response response = deadline.execute(http, request.build())) {
      if (response.code() == 404) {
        throw new CredentialsUnavailableException("the metadata service answered HTTP 404 for " + what
            + (what.startsWith("the RAM role name") ? " (no RAM role attached to the instance?)" : ""));
      }
      if (response.code() != 200) {
        throw new CredentialsUnavailableException("the metadata service answered HTTP " + response.code()
            + " for " + what);
      }
      return BoundedBodies.readUtf8(response.body(), BoundedBodies.CREDENTIALS_DOCUMENT_BYTES, what);
    } catch (BoundedBodies.TooLarge e) {
      throw new CredentialsUnavailableException("the metadata service answered for " + what + " with a body "
          + "larger than " + e.limit() + " bytes");
    } catch (IOException e) {
      throw new CredentialsUnavailableException("cannot reach the ECS metadata service at " + base.host() + " ("
          + (deadline.expired(e) ? deadline.describe() : describe(e)) + "); not on ECS? Set "
          + "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip it");
    }
  }

  private String describe(IOException e) {
    return IoFailures.describe(e, base.uri());
  }
}
