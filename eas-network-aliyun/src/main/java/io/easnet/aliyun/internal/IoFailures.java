package io.easnet.aliyun.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** What an I/O failure means, said first and in plain words: "connection refused at 127.0.0.1:18299". */
final class IoFailures {
  private IoFailures() {}

  /** The failure of a request to {@code endpoint}, without the library's wording first (and bounded). */
  static String describe(IOException e, URI endpoint) {
    String at = hostPort(endpoint);
    String all = messages(e);
    if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
      return "unknown host " + endpoint.getHost() + " (its name does not resolve; check the endpoint or the DNS)";
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      if (all.contains("refused")) {
        return "connection refused at " + at;
      }
      return "could not connect to " + at + " (" + clip(all) + ")";
    }
    if (e instanceof NoRouteToHostException || e.getCause() instanceof NoRouteToHostException) {
      return "no route to " + at;
    }
    if (e instanceof SocketTimeoutException && all.contains("connect timed out")) {
      return "connecting to " + at + " timed out";
    }
    if (e instanceof SSLException) {
      return "the TLS handshake with " + at + " failed (" + clip(all) + ")";
    }
    if (all.contains("unexpected end of stream") || all.contains("Connection reset")
        || all.contains("closed") || all.contains("\\n not found")) {
      return "the connection to " + at + " broke before a complete answer (" + clip(all) + ")";
    }
    return "I/O failure talking to " + at + " (" + clip(all) + ")";
  }

  /** {@code host:port} of an endpoint, with the scheme's default port when it names none. */
  static String hostPort(URI endpoint) {
    int port = endpoint.getPort() >= 0 ? endpoint.getPort() : "http".equals(endpoint.getScheme()) ? 80 : 443;
    return endpoint.getHost() + ":" + port;
  }

  private static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 1000; t = t.getCause()) {
      if (sb.length() > 0) {
        sb.append(": ");
      }
      sb.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        sb.append(' ').append(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return sb.toString();
  }

  private static String clip(String s) {
    return ErrorResponses.truncate(s.replaceAll("\\p{Cntrl}", " "), 300);
  }
}
