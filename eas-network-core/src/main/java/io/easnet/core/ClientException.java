package io.easnet.core;

import java.util.Optional;

/**
 * A failure on the client's side of the wire: the request was never answered by the cloud, because the client is
 * misconfigured ({@link ConfigurationException}), could not sign it ({@link SigningException}), could not reach the
 * endpoint ({@link CloudIoException}) or gave up waiting ({@link CloudTimeoutException}). Bad input files are the
 * other client-side kind, {@link InvalidInputException}.
 *
 * <p>Messages say what was tried and how to fix it; they never contain access key secrets or security tokens.
 */
public abstract class ClientException extends EasNetworkException {
  private static final long serialVersionUID = 1L;

  private final String action;

  ClientException(String action, String message, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  /** The API action the client was about to make or was making, when there was one. */
  public final Optional<String> action() {
    return Optional.ofNullable(action);
  }

  static String prefix(String action) {
    return action == null ? "" : action + ": ";
  }

  static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
