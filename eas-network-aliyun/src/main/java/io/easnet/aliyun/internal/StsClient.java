package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.aliyun.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The two STS calls behind temporary credentials (STS 2015-04-01):
 *
 * <ul>
 *   <li>{@code AssumeRole}, signed with our V3 signer like every other call (credentials-java signs it with the V1
 *       HMAC-SHA1 query signature; STS accepts both, and tea-openapi based SDKs use V3), parameters in the query;
 *   <li>{@code AssumeRoleWithOIDC}, anonymous, exactly as credentials-java's {@code OIDCRoleArnCredentialProvider}
 *       sends it: {@code POST /?Action=AssumeRoleWithOIDC&Format=JSON&Version=2015-04-01&Timestamp=…&SignatureNonce=…
 *       &SignatureMethod=HMAC-SHA1&SignatureVersion=1.0} with a form body of {@code DurationSeconds}, {@code RoleArn},
 *       {@code OIDCProviderArn}, {@code OIDCToken}, {@code RoleSessionName} and optional {@code Policy}.
 * </ul>
 *
 * <p>Neither the OIDC token nor any returned secret appears in an exception.
 */
final class StsClient {
  static final String VERSION = "2015-04-01";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final OkHttpClient http;
  private final URI endpoint;
  private final Acs3Signer signer;
  private final Clock clock;
  private final Supplier<String> nonces;

  StsClient(OkHttpClient http, URI endpoint, Acs3Signer signer, Clock clock, Supplier<String> nonces) {
    this.http = http;
    this.endpoint = EndpointResolver.checkOverride(AliyunProduct.STS, endpoint);
    this.signer = signer;
    this.clock = clock;
    this.nonces = nonces;
  }

  /**
   * The STS endpoint as credentials-java chooses it: {@code sts.aliyuncs.com}, or {@code sts.<region>.aliyuncs.com}
   * with a region, {@code sts-vpc.<region>.aliyuncs.com} with the VPC option.
   */
  static URI endpoint(String stsRegion, boolean vpc) {
    if (stsRegion == null || stsRegion.isEmpty()) {
      return URI.create(vpc ? "https://sts-vpc.aliyuncs.com" : "https://sts.aliyuncs.com");
    }
    if (!stsRegion.matches("[a-z]{2,4}(-[a-z0-9]+){1,4}")) {
      throw new CredentialsUnavailableException("the STS region \"" + stsRegion + "\" is not a region id such as "
          + "cn-hangzhou");
    }
    return URI.create("https://" + (vpc ? "sts-vpc." : "sts.") + stsRegion + ".aliyuncs.com");
  }

  URI endpoint() {
    return endpoint;
  }

  Credentials assumeRole(Credentials source, String roleArn, String sessionName, int durationSeconds, String policy,
      String externalId) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("RoleArn", roleArn);
    query.put("RoleSessionName", sessionName);
    query.put("DurationSeconds", Integer.toString(durationSeconds));
    if (policy != null) {
      query.put("Policy", policy);
    }
    if (externalId != null) {
      query.put("ExternalId", externalId);
    }
    Acs3Signer.Request unsigned = new Acs3Signer.Request("POST", hostHeader(), "/", query, "AssumeRole", VERSION,
        null, new byte[0]);
    Acs3Signer.Signed signed = signer.sign(unsigned, source);
    // the query goes on the wire exactly as it was signed: sorted, RFC 3986 encoded
    HttpUrl url = base().newBuilder().encodedPath("/")
        .encodedQuery(signed.canonicalRequest().canonicalQueryString()).build();
    Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(new byte[0], null))
        .header("accept", "application/json");
    signed.headers().forEach((k, v) -> {
      if (!k.equals("host")) {
        request.header(k, v);
      }
    });
    return execute(request.build(), "sts:AssumeRole", "role " + roleArn);
  }

  Credentials assumeRoleWithOidc(String roleArn, String providerArn, String oidcToken, String sessionName,
      int durationSeconds, String policy) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("Action", "AssumeRoleWithOIDC");
    query.put("Format", "JSON");
    query.put("Version", VERSION);
    query.put("Timestamp", TIMESTAMP.format(clock.instant()));
    query.put("SignatureNonce", nonces.get());
    query.put("SignatureMethod", "HMAC-SHA1");
    query.put("SignatureVersion", "1.0");
    StringBuilder encodedQuery = new StringBuilder();
    query.forEach((k, v) -> encodedQuery.append(encodedQuery.length() == 0 ? "" : "&")
        .append(CanonicalRequest.percentEncode(k)).append('=').append(CanonicalRequest.percentEncode(v)));
    HttpUrl url = base().newBuilder().encodedPath("/").encodedQuery(encodedQuery.toString()).build();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("DurationSeconds", Integer.toString(durationSeconds));
    form.put("RoleArn", roleArn);
    form.put("OIDCProviderArn", providerArn);
    form.put("OIDCToken", oidcToken);
    form.put("RoleSessionName", sessionName);
    if (policy != null) {
      form.put("Policy", policy);
    }
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    Request request = new Request.Builder().url(url)
        .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8),
            MediaType.get("application/x-www-form-urlencoded")))
        .header("accept", "application/json")
        .build();
    return execute(request, "sts:AssumeRoleWithOIDC", "role " + roleArn);
  }

  private HttpUrl base() {
    return HttpUrl.get(endpoint.toString());
  }

  private String hostHeader() {
    return new EndpointResolver.Endpoint(AliyunProduct.STS, endpoint, "sts").hostHeader();
  }

  private Credentials execute(Request request, String action, String what) {
    byte[] body;
    int status;
    String retryAfter;
    String requestIdHeader;
    FetchDeadline deadline = FetchDeadline.start(FetchDeadline.REMOTE);
    try (Response response = deadline.execute(http, request)) {
      status = response.code();
      body = BoundedBodies.read(response.body(), BoundedBodies.CREDENTIALS_DOCUMENT_BYTES, "the answer");
      retryAfter = response.header("x-acs-retry-after");
      requestIdHeader = response.header("x-acs-request-id");
    } catch (IOException e) {
      throw new CredentialsUnavailableException(action + " for " + what + " at " + endpoint.getHost()
          + " failed: " + (deadline.expired(e) ? deadline.describe() : e instanceof BoundedBodies.TooLarge
              ? e.getMessage() : IoFailures.describe(e, endpoint)));
    }
    if (status < 200 || status > 299) {
      throw ErrorResponses.toException(action, status, body, retryAfter, requestIdHeader);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new CredentialsUnavailableException(action + " for " + what + " answered HTTP " + status
          + " with a body that is not JSON");
    }
    String requestId = Optional.ofNullable(root).map(r -> r.path("RequestId").asText(null)).orElse(null);
    JsonNode c = root == null ? null : root.get("Credentials");
    String where = action + " for " + what + (requestId == null ? "" : " (RequestId " + requestId + ")");
    if (c == null || !c.isObject()) {
      throw new CredentialsUnavailableException(where + " answered without a Credentials object");
    }
    for (String field : new String[] {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}) {
      if (!c.hasNonNull(field) || c.get(field).asText().isBlank()) {
        throw new CredentialsUnavailableException(where + " answered without Credentials." + field);
      }
    }
    return Sources.credentials(c.get("AccessKeyId").asText(), c.get("AccessKeySecret").asText(),
        Optional.of(c.get("SecurityToken").asText()), Sources.expiration(c.get("Expiration").asText(), where), where);
  }
}
