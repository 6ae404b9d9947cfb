package io.easnet.core;

/**
 * A request could not be signed (an unsupported algorithm, a key the JDK refuses). The message names the action
 * and the algorithm, never the key.
 */
public final class SigningException extends ClientException {
  private static final long serialVersionUID = 1L;

  private final String algorithm;

  private SigningException(String action, String algorithm, String problem, Throwable cause) {
    super(action, prefix(action) + "cannot sign the request with " + algorithm + ": " + problem, cause);
    this.algorithm = algorithm;
  }

  /**
   * A signing failure.
   *
   * @param action the action being signed
   * @param algorithm the signature algorithm, e.g. {@code ACS3-HMAC-SHA256}
   * @param problem what went wrong, without secrets
   */
  public static SigningException of(String action, String algorithm, String problem, Throwable cause) {
    return new SigningException(require(action, "action"), require(algorithm, "algorithm"),
        require(problem, "problem"), cause);
  }

  /** The signature algorithm. */
  public String algorithm() {
    return algorithm;
  }
}
