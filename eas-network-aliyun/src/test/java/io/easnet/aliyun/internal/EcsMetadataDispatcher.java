package io.easnet.aliyun.internal;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** An ECS instance metadata service with one RAM role, optionally refusing reads without a session token. */
final class EcsMetadataDispatcher extends Dispatcher {
  static final String CREDENTIALS = "{\"Code\":\"Success\",\"AccessKeyId\":\"STS.ecs\",\"AccessKeySecret\":"
      + "\"ecs-secret\",\"SecurityToken\":\"ecs-token\",\"Expiration\":\"2026-12-01T16:00:00Z\","
      + "\"LastUpdated\":\"2026-12-01T10:00:00Z\"}";
  private final String role;
  private final boolean tokenRequired;
  volatile boolean tokenEndpointBroken;
  /** Hands out tokens but refuses reads that carry one (a half-migrated instance). */
  volatile boolean readsWithTokenRefused;

  EcsMetadataDispatcher(String role, boolean tokenRequired) {
    this.role = role;
    this.tokenRequired = tokenRequired;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/latest/api/token") && request.getMethod().equals("PUT")) {
      return tokenEndpointBroken ? new MockResponse.Builder().code(403).build()
          : new MockResponse.Builder().code(200).body("metadata-token").build();
    }
    if (readsWithTokenRefused && request.getHeaders().get("X-aliyun-ecs-metadata-token") != null) {
      return new MockResponse.Builder().code(401).build();
    }
    if (tokenRequired && !"metadata-token".equals(request.getHeaders().get("X-aliyun-ecs-metadata-token"))) {
      return new MockResponse.Builder().code(401).build();
    }
    if (path.equals("/latest/meta-data/ram/security-credentials/")) {
      return new MockResponse.Builder().code(200).body(role).build();
    }
    if (path.equals("/latest/meta-data/ram/security-credentials/" + role)) {
      return new MockResponse.Builder().code(200).body(CREDENTIALS).build();
    }
    return new MockResponse.Builder().code(404).build();
  }
}
