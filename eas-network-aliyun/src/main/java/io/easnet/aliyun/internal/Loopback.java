package io.easnet.aliyun.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a host names the loopback interface, decided without any DNS lookup. */
final class Loopback {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Loopback() {}

  static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost")) {
      return true;
    }
    if (!IPV4.matcher(h).matches() && !h.contains(":")) {
      return false; // a DNS name: never trusted as loopback, it could resolve anywhere
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // an IP literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
