package io.easnet.core;

/**
 * The endpoint could not be reached or the connection broke before an answer came (DNS failure, refused
 * connection, reset, a response that is not Alibaba's JSON). Retrying may help; the message says how often the
 * client tried.
 */
public final class CloudIoException extends ClientException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final int attempts;

  private CloudIoException(String action, String endpoint, int attempts, String problem, Throwable cause) {
    super(action, prefix(action) + problem + " (endpoint " + endpoint + ", " + attempts
        + (attempts == 1 ? " attempt" : " attempts") + ")", cause);
    this.endpoint = endpoint;
    this.attempts = attempts;
  }

  /**
   * An I/O failure.
   *
   * @param action the action
   * @param endpoint the host the client called
   * @param attempts how many attempts were made, at least 1
   * @param problem what went wrong
   */
  public static CloudIoException of(String action, String endpoint, int attempts, String problem, Throwable cause) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be greater than or equal to 1, was " + attempts);
    }
    return new CloudIoException(require(action, "action"), require(endpoint, "endpoint"), attempts,
        require(problem, "problem"), cause);
  }

  /** The host the client called. */
  public String endpoint() {
    return endpoint;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }
}
