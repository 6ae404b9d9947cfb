package io.easnet.testkit;

import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.spi.RequestListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The fake's call path as one port view sees it: every request goes through {@link FakeCloud#serve} (argument
 * checks first, then seeded faults, latency, the call log, the state) and is reported to the view's listener.
 */
final class Requests {
  private final FakeCloud fake;
  private final RequestListener listener;

  Requests(FakeCloud fake, RequestListener listener) {
    this.fake = fake;
    this.listener = listener;
  }

  FakeCloud fake() {
    return fake;
  }

  RequestListener listener() {
    return listener;
  }

  /** One request that is not paged. */
  <T> T call(String action, Supplier<T> body) {
    return fake.serve(action, 1, body, listener).resultOrThrow(action);
  }

  /** Every page of a list, one request each. */
  <T> List<T> list(String action, Supplier<List<T>> all) {
    int size = fake.pageSize();
    List<T> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      int p = page;
      Page<T> chunk = fake.serve(action, p, () -> Page.of(all.get(), p, size), listener).resultOrThrow(action);
      out.addAll(chunk.items());
      if ((long) p * size >= chunk.total()) {
        return out;
      }
    }
  }

  /**
   * A write with a client token: the first request with the token acts, a repeat with the same parameters answers
   * the same, a repeat with other parameters is refused.
   *
   * @param request the request value; its text without the token is its parameters
   */
  <T> T write(String action, ClientToken token, Object request, Supplier<T> body) {
    String parameters = request.toString().replace(token.value(), "");
    return call(action, () -> fake.state().tokens.once(action, token, parameters, body));
  }

  /** {@link #write} of a write without a result. */
  void writeVoid(String action, ClientToken token, Object request, Runnable body) {
    write(action, token, request, () -> {
      body.run();
      return Boolean.TRUE;
    });
  }

  /** {@link #call} of a write without a result. */
  void run(String action, Runnable body) {
    call(action, () -> {
      body.run();
      return Boolean.TRUE;
    });
  }

  static <T> T req(T value, String what) {
    return Objects.requireNonNull(value, what + " must not be null");
  }
}
