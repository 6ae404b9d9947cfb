package io.easnet.core;

/**
 * The root of every exception this library throws. It is unchecked; the two branches say on which side of the wire
 * the problem is: {@link InvalidInputException} and other client-side problems (bad input, configuration, signing,
 * I/O), and {@link CloudServiceException} for an error the cloud returned.
 *
 * <p>Messages say what happened, where (file, JSON pointer, API action) and how to fix it. They never contain
 * access key secrets or security tokens.
 */
public class EasNetworkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EasNetworkException(String message) {
    super(message);
  }

  public EasNetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
