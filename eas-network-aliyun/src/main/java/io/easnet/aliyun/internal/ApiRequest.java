package io.easnet.aliyun.internal;

import io.easnet.aliyun.AliyunProduct;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One API call, before endpoint, signing and retries.
 *
 * <ul>
 *   <li>RPC ({@link #rpc}): {@code POST /}, the action's parameters in the query string as the generated SDKs send
 *       them ({@code OpenApiRequest{Query: …}}), or with {@link Builder#formBody()} in an
 *       {@code application/x-www-form-urlencoded} body;
 *   <li>ROA ({@link #roa}): method and path from the API's table, path parameters percent-encoded segment by
 *       segment, query parameters, and a JSON body sent (and hashed) byte for byte.
 * </ul>
 *
 * <p>RPC calls and ROA {@code GET}s are safe to retry (VPC and ECS writes carry a {@code ClientToken}); other ROA
 * calls (EAS writes, which have no idempotency token) are not, unless the caller says so.
 */
public final class ApiRequest {
  private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[A-Z][A-Za-z0-9]+");

  public static final String JSON = "application/json; charset=utf-8";
  public static final String FORM = "application/x-www-form-urlencoded";

  private final AliyunProduct product;
  private final String action;
  private final String method;
  private final String encodedPath;
  private final Map<String, String> parameters;
  private final boolean formBody;
  private final byte[] body;
  private final String contentType;
  private final boolean retrySafe;
  private final String regionId;
  private final int page;

  private ApiRequest(Builder b) {
    this.product = b.product;
    this.action = b.action;
    this.method = b.method;
    this.encodedPath = b.encodedPath;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    this.formBody = b.formBody;
    this.body = b.body;
    this.contentType = b.contentType;
    this.retrySafe = b.retrySafe == null ? (!product.roaStyle() || method.equals("GET")) : b.retrySafe;
    this.regionId = b.regionId;
    this.page = b.page;
  }

  /** The page of a list this request reads, from 1 (reported in the request event). */
  public int page() {
    return page;
  }

  /** An RPC call: {@code POST /} with {@code Action} = {@code action}. */
  public static Builder rpc(AliyunProduct product, String action) {
    if (product.roaStyle()) {
      throw new IllegalArgumentException(product + " is a ROA product: use ApiRequest.roa");
    }
    return new Builder(product, action, "POST", "/");
  }

  /** A ROA call: {@code method} on the path made of {@code segments} (raw; they are percent-encoded here). */
  public static Builder roa(AliyunProduct product, String action, String method, List<String> segments) {
    if (!product.roaStyle()) {
      throw new IllegalArgumentException(product + " is an RPC product: use ApiRequest.rpc");
    }
    String m = method.toUpperCase(Locale.ROOT);
    if (!List.of("GET", "POST", "PUT", "DELETE").contains(m)) {
      throw new IllegalArgumentException("method must be GET, POST, PUT or DELETE, was " + method);
    }
    return new Builder(product, action, m, CanonicalRequest.encodePath(segments));
  }

  public AliyunProduct product() {
    return product;
  }

  /** The API action, for example {@code DescribeVpcs}. */
  public String action() {
    return action;
  }

  /** The action as in RAM policies and {@code io.easnet.core.spi.CloudActions}: {@code vpc:DescribeVpcs}. */
  public String qualifiedAction() {
    String prefix = switch (product) {
      case VPC -> "vpc";
      case ECS -> "ecs";
      case RDS -> "rds";
      case REDIS -> "kvstore";
      case EAS -> "eas";
      case STS -> "sts";
    };
    return prefix + ":" + action;
  }

  public String method() {
    return method;
  }

  public String encodedPath() {
    return encodedPath;
  }

  /** RPC parameters, or ROA query parameters. */
  public Map<String, String> parameters() {
    return parameters;
  }

  public boolean formBody() {
    return formBody;
  }

  byte[] body() {
    return body.clone();
  }

  String contentType() {
    return contentType;
  }

  public boolean retrySafe() {
    return retrySafe;
  }

  /** The region whose endpoint is used, or null for the transport's region. */
  public String regionId() {
    return regionId;
  }

  @Override
  public String toString() {
    return method + " " + encodedPath + " " + qualifiedAction() + " " + parameters.keySet();
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final AliyunProduct product;
    private final String action;
    private final String method;
    private final String encodedPath;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private boolean formBody;
    private byte[] body = new byte[0];
    private String contentType;
    private Boolean retrySafe;
    private String regionId;
    private int page = 1;

    private Builder(AliyunProduct product, String action, String method, String encodedPath) {
      this.product = Objects.requireNonNull(product, "product");
      if (action == null || !ACTION.matcher(action).matches()) {
        throw new IllegalArgumentException("action must be an API action name such as DescribeVpcs, was " + action);
      }
      this.action = action;
      this.method = method;
      this.encodedPath = encodedPath;
    }

    /** An RPC parameter or a ROA query parameter; {@code null} values are left out, like the SDKs do. */
    public Builder parameter(String name, String value) {
      Objects.requireNonNull(name, "parameter name");
      if (value != null) {
        parameters.put(name, value);
      }
      return this;
    }

    /** RPC only: send the parameters as a form body instead of the query string. */
    public Builder formBody() {
      if (product.roaStyle()) {
        throw new IllegalStateException("formBody is for RPC calls; " + product + " takes a JSON body");
      }
      this.formBody = true;
      return this;
    }

    /** ROA only: the JSON body, sent and hashed exactly as given. */
    public Builder jsonBody(byte[] json) {
      if (!product.roaStyle()) {
        throw new IllegalStateException("jsonBody is for ROA calls; " + product + " takes parameters");
      }
      if (method.equals("GET")) {
        throw new IllegalStateException("a GET request has no body (" + action + ")");
      }
      this.body = json.clone();
      this.contentType = JSON;
      return this;
    }

    public Builder retrySafe(boolean retrySafe) {
      this.retrySafe = retrySafe;
      return this;
    }

    public Builder regionId(String regionId) {
      this.regionId = Objects.requireNonNull(regionId, "regionId");
      return this;
    }

    /** The page of a list this request reads, from 1. */
    public Builder page(int page) {
      if (page < 1) {
        throw new IllegalArgumentException("page must be greater than or equal to 1, was " + page);
      }
      this.page = page;
      return this;
    }

    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
