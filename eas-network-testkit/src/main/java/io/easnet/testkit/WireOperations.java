package io.easnet.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.Cidr;
import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.spi.RequestListener;
import io.easnet.testkit.internal.wire.AlibabaError;
import io.easnet.testkit.internal.wire.Call;
import io.easnet.testkit.internal.wire.Operation;
import io.easnet.testkit.internal.wire.Params;
import io.easnet.testkit.internal.wire.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fake's wire face: every operation of the emulator's table served from the fake's own state. Each HTTP request
 * the emulator routes to a handler becomes exactly one {@link FakeCloud#serve} (the call path the port face's
 * {@link Requests} takes): parameters are read first (a bad one costs no recorded call, as the port face checks its
 * arguments first), then the fake's faults, latency and {@link CloudState} answer, and the body is built in
 * Alibaba's shape. Adding an operation touches the state, one handler of a {@code *Operations} class and the
 * emulator's operation table.
 */
final class WireOperations {
  static final String DEFAULT_REGION = "cn-hangzhou";

  private WireOperations() {}

  /** The handlers of every operation, by {@code product:Action}. */
  static Map<String, Operation> of(FakeCloud cloud) {
    Map<String, Operation> out = new LinkedHashMap<>();
    VpcOperations.register(cloud, out);
    EcsOperations.register(cloud, out);
    AllowlistOperations.register(cloud, out);
    EasOperations.register(cloud, out);
    return Map.copyOf(out);
  }

  /** One call of {@code action}; {@code body} builds the answer from the state under the fake's lock. */
  static Reply serve(FakeCloud cloud, String action, int page, Function<CloudState, ObjectNode> body) {
    CloudState state = cloud.state();
    Outcome<ObjectNode> o = cloud.serve(action, page, () -> body.apply(state), RequestListener.none());
    Optional<Refusal> refusal = o.refusal();
    if (refusal.isEmpty()) {
      return Reply.ok(o.result(), o.requestId(), o.latency());
    }
    Refusal r = refusal.get();
    return Reply.error(AlibabaError.refused(r.code(), r.getMessage(), r.httpStatus(), r.retryAfterMillis()),
        o.requestId(), o.latency());
  }

  /** A write: once per client token when the call carries one (as the port face), else every time. */
  static <T> T write(CloudState st, Call call, String action, Supplier<T> write) {
    Optional<ClientToken> token = Params.clientToken(call);
    return token.isPresent() ? st.tokens.once(action, token.get(), Params.tokenParameters(call), write) : write.get();
  }

  /** A write without a result. */
  static void run(CloudState st, Call call, String action, Runnable write) {
    write(st, call, action, () -> {
      write.run();
      return Boolean.TRUE;
    });
  }

  /** The region to report: the request's {@code RegionId}, else the fake's, else {@value #DEFAULT_REGION}. */
  static String region(Call call, CloudState st) {
    String r = call.parameter("RegionId");
    return !r.isEmpty() ? r : st.regionId().orElse(DEFAULT_REGION);
  }

  /** {@code body.outer.inner = []}: Alibaba's nested list shape, e.g. {@code Vpcs.Vpc[]}. */
  static ArrayNode nested(ObjectNode body, String outer, String inner) {
    return body.putObject(outer).putArray(inner);
  }

  /** {@code node.outer.inner = [values]} of strings. */
  static void nestedStrings(ObjectNode node, String outer, String inner, List<?> values) {
    ArrayNode a = nested(node, outer, inner);
    values.forEach(v -> a.add(v.toString()));
  }

  /** Tags as {@code Tags.Tag[{key, value}]} with the product's field names. */
  static void tags(ObjectNode node, Map<String, String> tags, String key, String value) {
    ArrayNode a = nested(node, "Tags", "Tag");
    tags.forEach((k, v) -> a.addObject().put(key, k).put(value, v));
  }

  static String text(Optional<?> value) {
    return value.map(Object::toString).orElse("");
  }

  /** An allowlist entry as RDS and Redis print it: a single address without {@code /32}. */
  static String entry(Cidr c) {
    return c.isIpv4() && c.prefixLength() == 32 ? c.address() : c.toString();
  }

  static String entries(List<Cidr> entries) {
    return String.join(",", entries.stream().map(WireOperations::entry).toList());
  }

  /** Builds a port request, turning its checks (name length, duplicates) into {@code InvalidParameter}. */
  static <T> T built(String action, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw AlibabaError.invalidParameter("The request of " + action + " is not valid: " + e.getMessage());
    }
  }
}
