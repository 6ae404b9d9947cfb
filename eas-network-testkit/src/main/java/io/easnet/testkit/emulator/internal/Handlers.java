package io.easnet.testkit.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.Cidr;
import io.easnet.core.spi.ClientToken;
import io.easnet.testkit.internal.Served;
import io.easnet.testkit.internal.WireCloud;
import io.easnet.testkit.internal.WireState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every operation of the {@link OperationTable} served from a fake cloud's state. Each HTTP request the dispatcher
 * routes to a handler becomes exactly one {@link WireCloud#serve}: parameters are read first (a bad one costs no
 * recorded call, as the port face checks its arguments first), then the fake's faults, latency and state answer, and
 * the body is built in Alibaba's shape.
 */
final class Handlers {
  static final String DEFAULT_REGION = "cn-hangzhou";

  private Handlers() {}

  /** The handlers of every operation, by {@code product:Action}. */
  static Map<String, Operation> all(WireCloud cloud) {
    Map<String, Operation> out = new LinkedHashMap<>();
    VpcOperations.register(cloud, out);
    EcsOperations.register(cloud, out);
    AllowlistOperations.register(cloud, out);
    EasOperations.register(cloud, out);
    for (OperationSpec spec : OperationTable.all()) {
      if (!out.containsKey(spec.name())) {
        throw new IllegalStateException("no handler for " + spec.name());
      }
    }
    return out;
  }

  /** One call of {@code action}; {@code body} builds the answer from the state under the fake's lock. */
  static Reply serve(WireCloud cloud, String action, int page, Function<WireState, ObjectNode> body) {
    Served<ObjectNode> s = cloud.serve(action, page, body);
    return s.succeeded() ? Reply.ok(s.value(), s.requestId(), s.latency())
        : Reply.error(AlibabaError.refused(s), s.requestId(), s.latency());
  }

  /** A write: once per client token when the call carries one (as the port face), else every time. */
  static <T> T write(WireState st, Call call, String action, Supplier<T> write) {
    Optional<ClientToken> token = Params.clientToken(call);
    return token.isPresent() ? st.once(action, token.get(), Params.tokenParameters(call), write) : write.get();
  }

  /** A write without a result. */
  static void run(WireState st, Call call, String action, Runnable write) {
    write(st, call, action, () -> {
      write.run();
      return Boolean.TRUE;
    });
  }

  /** The region to report: the request's {@code RegionId}, else the fake's, else {@value #DEFAULT_REGION}. */
  static String region(Call call, WireState st) {
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
    return String.join(",", entries.stream().map(Handlers::entry).toList());
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
