package io.easnet.core;

import java.util.List;

/**
 * The client cannot be set up: no credentials found, an unknown region, an endpoint that does not parse, a conflict
 * between two settings. The message lists what was tried, e.g.
 *
 * <pre>
 * no Alibaba Cloud credentials found. Tried: environment ALIBABA_CLOUD_ACCESS_KEY_ID (not set); ~/.aliyun/config.json (absent). Fix: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.
 * </pre>
 */
public final class ConfigurationException extends ClientException {
  private static final long serialVersionUID = 1L;

  private final List<String> tried;
  private final String fix;

  private ConfigurationException(String problem, List<String> tried, String fix, Throwable cause) {
    super(null, render(problem, tried, fix), cause);
    this.tried = List.copyOf(tried);
    this.fix = fix;
  }

  /**
   * A configuration problem.
   *
   * @param problem what is wrong, in one sentence
   * @param tried what the client tried, in order (may be empty)
   * @param fix how to fix it, in one sentence
   */
  public static ConfigurationException of(String problem, List<String> tried, String fix) {
    return new ConfigurationException(require(problem, "problem"), tried, require(fix, "fix"), null);
  }

  /** As {@link #of(String, List, String)}, keeping the cause. */
  public static ConfigurationException of(String problem, List<String> tried, String fix, Throwable cause) {
    return new ConfigurationException(require(problem, "problem"), tried, require(fix, "fix"), cause);
  }

  /** What the client tried, in order. */
  public List<String> tried() {
    return tried;
  }

  /** How to fix it. */
  public String fix() {
    return fix;
  }

  private static String render(String problem, List<String> tried, String fix) {
    StringBuilder sb = new StringBuilder(problem);
    if (!tried.isEmpty()) {
      sb.append(" Tried: ").append(String.join("; ", tried)).append('.');
    }
    return sb.append(" Fix: ").append(fix).toString();
  }
}
