package io.easnet.testkit.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A handler's answer: a JSON success body or an Alibaba error, with the request id to answer with (the fake's, when
 * the fake served the call; null for the dispatcher's own).
 */
sealed interface Reply permits Reply.Success, Reply.Failure {
  /** The request id to answer with, or null for the dispatcher's. */
  String requestId();

  static Reply ok(ObjectNode body) {
    return new Success(body, null);
  }

  static Reply ok(ObjectNode body, String requestId) {
    return new Success(body, requestId);
  }

  static Reply error(AlibabaError error) {
    return new Failure(error, null);
  }

  static Reply error(AlibabaError error, String requestId) {
    return new Failure(error, requestId);
  }

  /** HTTP 200 with this body plus {@code RequestId}. */
  record Success(ObjectNode body, String requestId) implements Reply {
    public Success {
      Objects.requireNonNull(body, "body");
    }
  }

  /** Alibaba's error body and status. */
  record Failure(AlibabaError error, String requestId) implements Reply {
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }
}
