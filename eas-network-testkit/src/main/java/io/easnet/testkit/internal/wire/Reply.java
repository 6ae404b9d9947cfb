package io.easnet.testkit.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;

/**
 * A handler's answer: a JSON success body or an Alibaba error, with the request id to answer with (the fake's, when
 * the fake served the call; null for the dispatcher's own) and the latency the fake's fault plan injected, which the
 * dispatcher waits out before answering.
 */
public sealed interface Reply permits Reply.Success, Reply.Failure {
  /** The request id to answer with, or null for the dispatcher's. */
  String requestId();

  /** The fault plan's latency for this call; zero when none. */
  Duration latency();

  static Reply ok(ObjectNode body) {
    return new Success(body, null, Duration.ZERO);
  }

  static Reply ok(ObjectNode body, String requestId, Duration latency) {
    return new Success(body, requestId, latency);
  }

  static Reply error(AlibabaError error) {
    return new Failure(error, null, Duration.ZERO);
  }

  static Reply error(AlibabaError error, String requestId, Duration latency) {
    return new Failure(error, requestId, latency);
  }

  /** HTTP 200 with this body plus {@code RequestId}. */
  record Success(ObjectNode body, String requestId, Duration latency) implements Reply {
    public Success {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(latency, "latency");
    }
  }

  /** Alibaba's error body and status. */
  record Failure(AlibabaError error, String requestId, Duration latency) implements Reply {
    public Failure {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(latency, "latency");
    }
  }
}
