package io.easnet.core.analysis.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies OSS and container-registry endpoints as public, VPC-internal or outside Alibaba Cloud. */
public final class Endpoints {
  private static final Pattern OSS_PUBLIC = Pattern.compile("(?:https?://)?oss-([a-z0-9-]+?)\\.aliyuncs\\.com/?");
  private static final Pattern ACR_PERSONAL = Pattern.compile("registry\\.([a-z0-9-]+)\\.aliyuncs\\.com");
  private static final Pattern ACR_ENTERPRISE =
      Pattern.compile("([a-z0-9-]+)-registry\\.([a-z0-9-]+)\\.cr\\.aliyuncs\\.com");

  private Endpoints() {}

  /** For a public OSS endpoint ({@code oss-cn-hangzhou.aliyuncs.com}) the internal one; empty otherwise. */
  public static Optional<String> internalOss(String endpoint) {
    Matcher m = OSS_PUBLIC.matcher(endpoint.trim());
    if (!m.matches() || m.group(1).endsWith("-internal")) {
      return Optional.empty();
    }
    return Optional.of("oss-" + m.group(1) + "-internal.aliyuncs.com");
  }

  /** The region of a public OSS endpoint. */
  public static Optional<String> ossRegion(String endpoint) {
    Matcher m = OSS_PUBLIC.matcher(endpoint.trim());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The registry host of an image reference; Docker Hub for references without one. */
  public static String registryHost(String image) {
    String ref = image.trim();
    int slash = ref.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = ref.substring(0, slash);
    if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
      return first;
    }
    return "docker.io";
  }

  /** For an Alibaba Cloud registry host reached over the internet, the VPC host; empty otherwise. */
  public static Optional<String> vpcRegistry(String host) {
    Matcher p = ACR_PERSONAL.matcher(host);
    if (p.matches()) {
      return Optional.of("registry-vpc." + p.group(1) + ".aliyuncs.com");
    }
    Matcher e = ACR_ENTERPRISE.matcher(host);
    if (e.matches() && !e.group(1).endsWith("-vpc")) {
      return Optional.of(e.group(1) + "-registry-vpc." + e.group(2) + ".cr.aliyuncs.com");
    }
    return Optional.empty();
  }

  /** The region of an Alibaba Cloud registry host. */
  public static Optional<String> registryRegion(String host) {
    Matcher p = ACR_PERSONAL.matcher(host);
    if (p.matches()) {
      return Optional.of(p.group(1));
    }
    Matcher e = ACR_ENTERPRISE.matcher(host);
    return e.matches() ? Optional.of(e.group(2)) : Optional.empty();
  }

  /** True for a registry outside Alibaba Cloud (Docker Hub, ghcr.io, quay.io, …). */
  public static boolean external(String host) {
    return !host.endsWith(".aliyuncs.com") && !host.endsWith(".aliyun.com");
  }
}
