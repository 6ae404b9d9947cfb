package io.easnet.testkit;

import io.easnet.core.CloudServiceException.Kind;

/** A refusal of the fake's state, turned into a {@code CloudServiceException} with the action by {@link FakeCloud}. */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String code;
  final Kind kind;

  Refusal(String code, Kind kind, String message) {
    super(message, null, false, false);
    this.code = code;
    this.kind = kind;
  }

  static Refusal notFound(String code, String message) {
    return new Refusal(code, Kind.NOT_FOUND, message);
  }

  static Refusal invalid(String code, String message) {
    return new Refusal(code, Kind.INVALID_PARAMETER, message);
  }
}
