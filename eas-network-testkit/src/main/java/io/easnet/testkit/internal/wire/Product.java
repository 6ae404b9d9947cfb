package io.easnet.testkit.internal.wire;

import java.util.List;
import java.util.Locale;

/**
 * The Alibaba Cloud products the emulator speaks, with the one API version of each that the adapter uses, the
 * style of that API, and the host prefixes of its endpoints ({@code docs/wire.md} §2.1, §3.1, §4, §5).
 */
enum Product {
  ECS("ecs", "Ecs", "2014-05-26", Style.RPC, List.of("ecs.", "ecs-"), List.of("ecs")),
  VPC("vpc", "Vpc", "2016-04-28", Style.RPC, List.of("vpc."), List.of("vpc")),
  RDS("rds", "Rds", "2014-08-15", Style.RPC, List.of("rds."), List.of("rds")),
  KVSTORE("kvstore", "R-kvstore", "2015-01-01", Style.RPC, List.of("r-kvstore."), List.of("r-kvstore", "kvstore")),
  EAS("eas", "eas", "2021-07-01", Style.ROA, List.of("pai-eas."), List.of("eas", "pai-eas"));

  /** RPC: one path, {@code Action}/{@code Version} parameters; ROA: one resource path per operation. */
  enum Style { RPC, ROA }

  private final String code;
  private final String troubleshootName;
  private final String version;
  private final Style style;
  private final List<String> hostPrefixes;
  private final List<String> pathPrefixes;

  Product(String code, String troubleshootName, String version, Style style, List<String> hostPrefixes,
      List<String> pathPrefixes) {
    this.code = code;
    this.troubleshootName = troubleshootName;
    this.version = version;
    this.style = style;
    this.hostPrefixes = hostPrefixes;
    this.pathPrefixes = pathPrefixes;
  }

  /** The RAM service prefix, as in {@code vpc:DescribeVpcs}. */
  String code() {
    return code;
  }

  /** The product name in Alibaba's troubleshoot links ({@code Recommend}). */
  String troubleshootName() {
    return troubleshootName;
  }

  String version() {
    return version;
  }

  Style style() {
    return style;
  }

  List<String> pathPrefixes() {
    return pathPrefixes;
  }

  /** The product whose endpoint this {@code Host} names ({@code vpc.cn-shanghai.aliyuncs.com}), or null. */
  static Product fromHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon >= 0 && h.indexOf(']') < colon) {
      h = h.substring(0, colon);
    }
    if (!h.endsWith(".aliyuncs.com")) {
      return null;
    }
    for (Product p : values()) {
      for (String prefix : p.hostPrefixes) {
        if (h.startsWith(prefix)) {
          return p;
        }
      }
    }
    return null;
  }

  /** The product named by the first path segment ({@code /vpc/...}), or null. */
  static Product fromPathPrefix(String firstSegment) {
    for (Product p : values()) {
      if (p.pathPrefixes.contains(firstSegment.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }

  /** The product whose API version this is, or null: the versions of the five products differ. */
  static Product fromVersion(String version) {
    for (Product p : values()) {
      if (p.version.equals(version)) {
        return p;
      }
    }
    return null;
  }
}
