package io.easnet.testkit.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A handler's answer: a JSON success body or an Alibaba error. */
sealed interface Reply permits Reply.Success, Reply.Failure {
  static Reply ok(ObjectNode body) {
    return new Success(body);
  }

  static Reply error(AlibabaError error) {
    return new Failure(error);
  }

  /** HTTP 200 with this body plus {@code RequestId}. */
  record Success(ObjectNode body) implements Reply {
    public Success {
      Objects.requireNonNull(body, "body");
    }
  }

  /** Alibaba's error body and status. */
  record Failure(AlibabaError error) implements Reply {
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }
}
