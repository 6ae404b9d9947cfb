package io.easnet.aliyun.internal;

import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.EasNetworkException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The endpoint of a product in a region, in this order:
 *
 * <ol>
 *   <li>an explicit override ({@link URI}, validated: {@code https}, or {@code http} to a loopback address only);
 *   <li>with the VPC-internal option, the VPC endpoint: {@code <product>-vpc.<region>.aliyuncs.com} (the SDK rule,
 *       darabonba-openapi {@code GetEndpointRules} with network {@code vpc}), except EAS, whose VPC endpoint is
 *       {@code pai-eas-manage-vpc.<region>.aliyuncs.com};
 *   <li>the irregular endpoints of the generated SDKs' endpoint maps (public, finance and gov regions; VPC and RDS
 *       and R-KVStore central endpoints, ECS {@code ecs-cn-hangzhou.aliyuncs.com});
 *   <li>the regional rule {@code <product>.<region>.aliyuncs.com} (EAS: {@code pai-eas.<region>.aliyuncs.com}).
 * </ol>
 *
 * <p>Real endpoints are always HTTPS (OkHttp verifies the host name). Thread safe and immutable.
 */
public final class EndpointResolver {
  /** Alibaba region ids: {@code cn-hangzhou}, {@code ap-southeast-1}, {@code cn-shanghai-finance-1}, … */
  private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z0-9]+){1,4}");

  private static final Map<AliyunProduct, Map<String, String>> IRREGULAR = new EnumMap<>(AliyunProduct.class);

  static {
    // alibabacloud-go/vpc-20160428 client.go (HEAD cf668a2): every other public region follows the rule.
    IRREGULAR.put(AliyunProduct.VPC, Map.of(
        "cn-hangzhou", "vpc.aliyuncs.com",
        "cn-shanghai-finance-1", "vpc.aliyuncs.com",
        "cn-shenzhen-finance-1", "vpc.aliyuncs.com",
        "cn-north-2-gov-1", "vpc.aliyuncs.com"));
    // alibabacloud-go/ecs-20140526 client.go (HEAD d024e14).
    IRREGULAR.put(AliyunProduct.ECS, Map.of(
        "cn-hangzhou", "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shanghai-finance-1", "ecs-cn-hangzhou.aliyuncs.com",
        "cn-shenzhen-finance-1", "ecs-cn-hangzhou.aliyuncs.com",
        "cn-north-2-gov-1", "ecs.aliyuncs.com"));
    // alibabacloud-go/rds-20140815 client.go (HEAD 74c5693).
    IRREGULAR.put(AliyunProduct.RDS, Map.ofEntries(
        Map.entry("cn-qingdao", "rds.aliyuncs.com"),
        Map.entry("cn-beijing", "rds.aliyuncs.com"),
        Map.entry("cn-hangzhou", "rds.aliyuncs.com"),
        Map.entry("cn-shanghai", "rds.aliyuncs.com"),
        Map.entry("cn-shenzhen", "rds.aliyuncs.com"),
        Map.entry("cn-heyuan", "rds.aliyuncs.com"),
        Map.entry("cn-hongkong", "rds.aliyuncs.com"),
        Map.entry("ap-southeast-1", "rds.aliyuncs.com"),
        Map.entry("us-west-1", "rds.aliyuncs.com"),
        Map.entry("us-east-1", "rds.aliyuncs.com"),
        Map.entry("cn-shanghai-finance-1", "rds.aliyuncs.com"),
        Map.entry("cn-shenzhen-finance-1", "rds.aliyuncs.com"),
        Map.entry("cn-north-2-gov-1", "rds.aliyuncs.com"),
        Map.entry("cn-beijing-finance-1", "rds.aliyuncs.com")));
    // alibabacloud-go/r-kvstore-20150101 client.go (HEAD 667af46).
    IRREGULAR.put(AliyunProduct.REDIS, Map.of(
        "cn-qingdao", "r-kvstore.aliyuncs.com",
        "cn-beijing", "r-kvstore.aliyuncs.com",
        "cn-wulanchabu", "r-kvstore.aliyuncs.com",
        "cn-hangzhou", "r-kvstore.aliyuncs.com",
        "cn-shanghai", "r-kvstore.aliyuncs.com",
        "cn-heyuan", "r-kvstore.aliyuncs.com",
        "cn-hangzhou-finance", "r-kvstore.aliyuncs.com"));
    // alibabacloud-go/eas-20210701: every mapped region is pai-eas.<region>.aliyuncs.com, the rule.
    IRREGULAR.put(AliyunProduct.EAS, Map.of());
    IRREGULAR.put(AliyunProduct.STS, Map.of());
  }

  /** A resolved endpoint: where requests go and what the {@code host} header (signed) says. */
  public record Endpoint(AliyunProduct product, URI baseUri, String source) {
    /** {@code host}, or {@code host:port} when the port is not the scheme's default. */
    public String hostHeader() {
      int port = baseUri.getPort();
      String host = baseUri.getHost();
      if (port == -1 || (port == 443 && "https".equals(baseUri.getScheme()))
          || (port == 80 && "http".equals(baseUri.getScheme()))) {
        return host;
      }
      return host + ":" + port;
    }
  }

  private final boolean vpcInternal;
  private final Map<AliyunProduct, URI> overrides;

  public EndpointResolver(boolean vpcInternal, Map<AliyunProduct, URI> overrides) {
    this.vpcInternal = vpcInternal;
    EnumMap<AliyunProduct, URI> copy = new EnumMap<>(AliyunProduct.class);
    overrides.forEach((product, uri) -> copy.put(product, checkOverride(product, uri)));
    this.overrides = copy;
  }

  /**
   * Checks an endpoint override: an absolute {@code https} URI with a host and no query or fragment, or {@code http}
   * to a loopback address (a local emulator or MockWebServer). Returns it without a trailing slash.
   */
  public static URI checkOverride(AliyunProduct product, URI uri) {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(uri, () -> "endpoint override of " + product + " must not be null");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("endpoint override of " + product + " must be an absolute https URI such as "
          + "https://" + exampleHost(product) + ", was \"" + uri + "\"");
    }
    if (scheme.equals("http") && !Loopback.isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("endpoint override of " + product + " uses plain http to " + uri.getHost()
          + ": http is allowed only to a loopback address (127.0.0.1, ::1, localhost). Fix: use https://"
          + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("endpoint override of " + product
          + " must not carry user info, a query or a fragment, was \"" + uri + "\"");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("endpoint override of " + product + " must not have a path (requests add "
          + "their own), was \"" + uri + "\"");
    }
    return URI.create(scheme + "://" + uri.getRawAuthority());
  }

  /** The endpoint of {@code product} in {@code regionId}; fails saying what was tried. */
  public Endpoint resolve(AliyunProduct product, String regionId) {
    Objects.requireNonNull(product, "product");
    List<String> tried = new ArrayList<>();
    URI override = overrides.get(product);
    if (override != null) {
      return new Endpoint(product, override, "endpoint override");
    }
    tried.add("an endpoint override for " + product + " (none set)");
    if (regionId == null || !REGION.matcher(regionId).matches()) {
      tried.add("the " + (vpcInternal ? "VPC-internal " : "") + "regional rule " + ruleExample(product)
          + " (the region id " + (regionId == null ? "is missing" : "\"" + regionId + "\" is not a region id") + ")");
      throw new EasNetworkException("No endpoint for " + product + " in region "
          + (regionId == null ? "(none)" : "\"" + regionId + "\"") + ". Tried:\n  * " + String.join("\n  * ", tried)
          + "\nFix: pass a region id such as cn-hangzhou or ap-southeast-1, or set an endpoint override for "
          + product + ".");
    }
    if (vpcInternal) {
      String host = product == AliyunProduct.EAS
          ? "pai-eas-manage-vpc." + regionId + ".aliyuncs.com"
          : product.endpointPrefix() + "-vpc." + regionId + ".aliyuncs.com";
      return new Endpoint(product, URI.create("https://" + host), "VPC-internal rule");
    }
    String irregular = IRREGULAR.get(product).get(regionId);
    if (irregular != null) {
      return new Endpoint(product, URI.create("https://" + irregular), "SDK endpoint map");
    }
    return new Endpoint(product, URI.create("https://" + product.endpointPrefix() + "." + regionId + ".aliyuncs.com"),
        "regional rule");
  }

  private static String ruleExample(AliyunProduct product) {
    return product.endpointPrefix() + ".<region>.aliyuncs.com";
  }

  private static String exampleHost(AliyunProduct product) {
    return product.endpointPrefix() + ".cn-shanghai.aliyuncs.com";
  }
}
