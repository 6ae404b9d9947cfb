package io.easnet.core;

/**
 * The root of every exception this library throws. It is unchecked; the two branches say on which side of the wire
 * the problem is:
 *
 * <ul>
 *   <li>client side: {@link InvalidInputException} (bad input) and {@link ClientException} with its kinds
 *       {@link ConfigurationException}, {@link SigningException}, {@link CloudIoException} and
 *       {@link CloudTimeoutException} &mdash; the request never got an answer from the cloud;
 *   <li>service side: {@link CloudServiceException}, an error the cloud returned (request id, HTTP status, code,
 *       kind).
 * </ul>
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
