package io.easnet.aliyun.internal;

import io.easnet.core.EasNetworkException;

/**
 * A provider of the default chain does not apply (nothing configured for it) or failed; the message says which and
 * why, never with a secret. The chain collects these messages into the "Tried:" list of its one ConfigurationException.
 */
public final class CredentialsUnavailableException extends EasNetworkException {
  private static final long serialVersionUID = 1L;

  public CredentialsUnavailableException(String message) {
    super(message);
  }

  public CredentialsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
