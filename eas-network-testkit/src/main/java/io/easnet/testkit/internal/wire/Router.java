package io.easnet.testkit.internal.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the operation a request calls: the product from the {@code Host} (an {@code *.aliyuncs.com} endpoint), a
 * path prefix ({@code /vpc/}, {@code /eas/}) or the API version; then for RPC the action, for ROA the method and
 * path template. A request that fits nothing gets Alibaba's error and a {@link Miss}.
 */
final class Router {
  private final List<OperationSpec> operations;

  Router(List<OperationSpec> operations) {
    this.operations = List.copyOf(operations);
  }

  /** The outcome of routing one request. */
  sealed interface Route permits Found, Refused {}

  /** The request calls {@code spec}; ROA path parameters are decoded. */
  record Found(OperationSpec spec, Map<String, String> pathParameters) implements Route {}

  /** The request fits no operation: answer {@code error}, log {@code nearMiss}. */
  record Refused(AlibabaError error, Miss nearMiss) implements Route {}

  /** What the router read from a request before matching it. */
  record Facts(Product product, String productSource, String routePath, String action, String version) {}

  Facts facts(WireRequest request) {
    String action = firstNonEmpty(request.parameter("Action"), request.header("x-acs-action"));
    String version = firstNonEmpty(request.parameter("Version"), request.header("x-acs-version"));
    String routePath = request.rawPath();
    Product product = Product.fromHost(request.host());
    String source = "Host " + request.host();
    List<String> segments = PathTemplate.split(request.rawPath());
    Product byPrefix = segments.isEmpty() ? null : Product.fromPathPrefix(segments.get(0));
    if (byPrefix != null && (product == null || product == byPrefix)) {
      product = byPrefix;
      source = "path prefix /" + segments.get(0) + "/";
      String rest = request.rawPath().substring(segments.get(0).length() + 1);
      routePath = rest.isEmpty() ? "/" : rest;
    }
    if (product == null && routePath.startsWith("/api/")) {
      product = Product.EAS;
      source = "ROA path /api/";
    }
    if (product == null && !version.isEmpty()) {
      product = Product.fromVersion(version);
      source = "version " + version;
    }
    return new Facts(product, product == null ? "" : source, routePath, action, version);
  }

  Route route(WireRequest request) {
    Facts f = facts(request);
    if (f.product() == null) {
      return refuse(request, f, AlibabaError.of(404, "InvalidProduct.NotFound",
          "Cannot find product according to your domain: the Host \"" + request.host()
              + "\" is no *.aliyuncs.com endpoint the emulator knows, the path has no product prefix (/ecs/, /vpc/,"
              + " /rds/, /r-kvstore/, /eas/) and the version \"" + f.version() + "\" names no product."));
    }
    Product product = f.product();
    if (product.style() == Product.Style.RPC) {
      if (!request.method().equals("GET") && !request.method().equals("POST")) {
        return refuse(request, f, AlibabaError.of(400, "UnsupportedHTTPMethod",
            "Specified HTTP method " + request.method() + " is not supported: RPC APIs take GET or POST."));
      }
      if (f.action().isEmpty()) {
        return refuse(request, f, AlibabaError.missingParameter("Action"));
      }
      if (f.version().isEmpty()) {
        return refuse(request, f, AlibabaError.missingParameter("Version"));
      }
      if (!f.version().equals(product.version())) {
        return refuse(request, f, AlibabaError.of(400, "InvalidVersion",
            "Specified parameter Version is not valid: " + product.code() + " speaks " + product.version()
                + ", the request sent " + f.version() + "."));
      }
      for (OperationSpec s : operations) {
        if (s.product() == product && s.action().equals(f.action())) {
          return new Found(s, Map.of());
        }
      }
      return refuse(request, f, AlibabaError.of(404, "InvalidAction.NotFound",
          "Specified api is not found, please check your url and method."));
    }
    if (!f.version().isEmpty() && !f.version().equals(product.version())) {
      return refuse(request, f, AlibabaError.of(400, "InvalidVersion",
          "Specified parameter Version is not valid: " + product.code() + " speaks " + product.version()
              + ", the request sent " + f.version() + "."));
    }
    for (OperationSpec s : operations) {
      if (s.product() == product && s.path() != null && s.method().equals(request.method())) {
        Map<String, String> parameters = s.path().match(f.routePath());
        if (parameters != null) {
          return new Found(s, parameters);
        }
      }
    }
    return refuse(request, f, AlibabaError.of(404, "InvalidApi.NotFound",
        "Specified api is not found, please check your url and method."));
  }

  private Refused refuse(WireRequest request, Facts f, AlibabaError error) {
    return new Refused(error, nearMiss(request, f));
  }

  /** The known operation closest to the request, and how they differ. */
  Miss nearMiss(WireRequest request, Facts f) {
    boolean roaRequest = f.product() != null ? f.product().style() == Product.Style.ROA
        : f.routePath().startsWith("/api/");
    OperationSpec best = null;
    int bestScore = Integer.MAX_VALUE;
    for (OperationSpec s : operations) {
      int score = score(request, f, roaRequest, s);
      if (score < bestScore) {
        best = s;
        bestScore = score;
      }
    }
    List<String> differences = new ArrayList<>();
    if (f.product() != null && f.product() != best.product()) {
      differences.add("product: the request went to " + f.product().code() + " (by " + f.productSource() + "), "
          + best.action() + " is a " + best.product().code() + " operation");
    } else if (f.product() == null) {
      differences.add("product: none could be read from the Host, the path or the version; " + best.action()
          + " is a " + best.product().code() + " operation");
    }
    if (!f.version().isEmpty() && !f.version().equals(best.product().version())) {
      differences.add("version: sent " + f.version() + ", " + best.product().code() + " speaks "
          + best.product().version());
    }
    if (best.path() == null) {
      if (!f.action().equals(best.action())) {
        differences.add("action: sent " + (f.action().isEmpty() ? "none" : "\"" + f.action() + "\"")
            + ", closest is \"" + best.action() + "\"");
      }
      if (roaRequest) {
        differences.add("style: sent " + request.method() + " " + f.routePath() + " like an ROA call, "
            + best.action() + " is RPC (Action and Version parameters on /)");
      }
    } else {
      if (!best.method().equals(request.method())) {
        differences.add("method: sent " + request.method() + ", " + best.action() + " is " + best.method());
      }
      if (best.path().match(f.routePath()) == null) {
        differences.add("path: sent " + f.routePath() + ", " + best.action() + " is " + best.path());
      }
      if (!f.action().isEmpty() && !f.action().equals(best.action())) {
        differences.add("action: x-acs-action says \"" + f.action() + "\", the closest operation is \""
            + best.action() + "\"");
      }
    }
    String read = "product " + (f.product() == null ? "unknown" : f.product().code())
        + ", version " + (f.version().isEmpty() ? "none" : f.version())
        + ", action " + (f.action().isEmpty() ? "none" : f.action());
    return new Miss(request.method() + " " + request.host() + request.rawPath() + " (" + read + ")",
        best.name(), best.describe(), differences);
  }

  private static int score(WireRequest request, Facts f, boolean roaRequest, OperationSpec s) {
    int score;
    if (s.path() == null) {
      score = f.action().isEmpty() ? s.action().length() : EditDistance.between(f.action(), s.action());
      if (roaRequest) {
        score += 4;
      }
    } else {
      score = s.path().distance(f.routePath()) + (s.method().equals(request.method()) ? 0 : 2);
      if (!f.action().isEmpty()) {
        score = Math.min(score, EditDistance.between(f.action(), s.action()) + 1);
      }
      if (!roaRequest) {
        score += 4;
      }
    }
    if (f.product() != null && f.product() != s.product()) {
      score += 2;
    }
    if (!f.version().isEmpty() && !f.version().equals(s.product().version())) {
      score += 1;
    }
    return score;
  }

  private static String firstNonEmpty(String a, String b) {
    return a.isEmpty() ? b : a;
  }
}
